export { createClusterSimulation, createSimulation } from './simulation';
export { createRecordedRun, recordRun, TimelineCursor, type RecordedRun } from './timeline';
export type * from './types';

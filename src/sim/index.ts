export { createSimulation } from './simulation';
export { createRecordedRun, TimelineCursor, type RecordedRun } from './timeline';
export type * from './types';

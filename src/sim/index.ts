export { createClusterSimulation, createSimulation } from './simulation';
export { createRecordedRun, recordRun, TimelineCursor, type RecordedRun } from './timeline';
export { fromPlainSnapshot, toPlainSnapshot, viewOf } from './snapshot-view';
export type * from './types';

export { createSimulation } from './simulation';
export { advanceWithTimeline, createRecordedRun, type RecordedRun } from './timeline';
export type * from './types';

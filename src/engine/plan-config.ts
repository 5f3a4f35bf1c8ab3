/**
 * One plan: the inputs of the capacity model, each with its unit in its name.
 * Ranges, defaults and URL names live in src/config/schema.ts; the engine trusts
 * that a config reaching it has been validated there (finite, in range, counts whole).
 */
export interface PlanConfig {
  /** λ: events produced per second, all producers together. */
  readonly eventsPerSec: number;
  /** s: average event (record value) size in bytes. */
  readonly eventSizeBytes: number;
  /** P: partitions of the topic. */
  readonly partitions: number;
  /** L: a consumer's processing time per event, in milliseconds. */
  readonly processingMs: number;
  /** C: consumers in each consumer group. */
  readonly consumersPerGroup: number;
  /** R: copies of each partition (leader + followers). */
  readonly replicationFactor: number;
  /** T: how long events are kept, in hours. */
  readonly retentionHours: number;
  /** G: consumer groups that each read the whole topic (fan-out). */
  readonly consumerGroups: number;
  /** B: brokers in the cluster. */
  readonly brokers: number;
}

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

  // Assumptions: constants of the model, editable, each with its source (src/config/schema.ts).
  // Their defaults leave the numbers above exactly as defined (compression 1, overhead 0).

  /** k: how many times smaller batches get on the wire and on disk (1 = none). */
  readonly compressionRatio: number;
  /** Bytes added to every event by record and batch headers (Kafka: about 18 B); 0 = none. */
  readonly recordOverheadBytes: number;
  /** Throughput one partition sustains (produce), MiB/s. */
  readonly partitionLimitMiBPerSec: number;
  /** Network throughput of one broker, each direction, MiB/s. */
  readonly brokerNetworkMiBPerSec: number;
  /** Disk write throughput of one broker, MiB/s. */
  readonly brokerDiskMiBPerSec: number;
  /** Usable disk of one broker, GiB. */
  readonly diskPerBrokerGiB: number;
  /** Fill ratio the disks should stay under, 0…1. */
  readonly targetDiskFill: number;
  /** Partition replicas one broker should host at most. */
  readonly replicasPerBrokerLimit: number;
  /** Utilization of the busiest consumer to stay under, 0…1. */
  readonly targetUtilization: number;
  /** 1: every broker limit must hold with one broker down (B − 1 brokers); 0: with all B. */
  readonly headroomOneBrokerDown: number;
  /** Target p99 end-to-end latency, ms; 0 = no target. */
  readonly latencySloMs: number;
}

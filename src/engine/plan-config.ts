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
  /** min.insync.replicas: in-sync copies an acks=all write needs (1 … R). */
  readonly minInsyncReplicas: number;
  /** Z: availability zones (racks) the brokers are spread over evenly (broker b in zone b mod Z). */
  readonly zones: number;
  /** N: plan for N × today's rate (growth room); partitions and brokers are sized for it. */
  readonly growthFactor: number;
  /** Consumer groups that replay the retained log from the start (rebuilds), reading from disk. */
  readonly replayGroups: number;
  /** The peak-hour rate as a multiple of λ (1 = flat): throughput checks use λ × peak, storage uses λ. */
  readonly peakFactor: number;
  /**
   * h: share of the topic's events that carry one (hot) key, 0…1. A key always goes to the same
   * partition, so that partition receives λ·(h + (1 − h)/P) and every other λ·(1 − h)/P; 0 = even keys.
   */
  readonly hotKeyShare: number;

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
  /** Storage throughput of one broker's volume, reads and writes together, MiB/s. */
  readonly brokerDiskMiBPerSec: number;
  /** Share of each broker limit (network, disk throughput) a plan may use, 0…1. */
  readonly brokerUtilization: number;
  /** Memory of one broker, GiB: what is not JVM heap holds the page cache. */
  readonly brokerMemoryGiB: number;
  /** Usable disk of one broker, GiB. */
  readonly diskPerBrokerGiB: number;
  /** Fill ratio the disks should stay under, 0…1. */
  readonly targetDiskFill: number;
  /** Partition replicas one broker should host at most. */
  readonly replicasPerBrokerLimit: number;
  /** Utilization of the busiest consumer to stay under, 0…1. */
  readonly targetUtilization: number;
  /** The failure the plan must survive: 0 none, 1 one broker down, 2 one zone down. */
  readonly plannedFailure: number;
  /** Target p99 end-to-end latency, ms; 0 = no target. */
  readonly latencySloMs: number;
  /** Producer linger.ms: how long a batch waits to fill before it is sent. */
  readonly lingerMs: number;
  /** f: send → acks=all acknowledgement, ms (broker append, replication, round trip), added to every latency; 0 = left out. */
  readonly produceLatencyFloorMs: number;
  /** Producer batch.size, bytes: a batch is sent when it reaches this size. */
  readonly batchSizeBytes: number;
  /** Consumer max.poll.records: events one poll returns at most. */
  readonly maxPollRecords: number;
  /** Consumer max.poll.interval.ms: a member that does not poll again within it leaves the group. */
  readonly maxPollIntervalMs: number;
  /** Consumer session.timeout.ms: how long until a crashed member is noticed. */
  readonly sessionTimeoutMs: number;
  /** offsets.topic.num.partitions: Kafka's own `__consumer_offsets` topic, placed on the same brokers (0 = not counted). */
  readonly offsetsTopicPartitions: number;
  /** offsets.topic.replication.factor of `__consumer_offsets` (at most B are placed). */
  readonly offsetsTopicReplicationFactor: number;
  /** 1 when consumers fetch from a replica in their own zone (KIP-392, client.rack), 0 when from the leader. */
  readonly fetchFromNearestReplica: number;

  // Prices of the cost estimate, in the catalogue's currency (src/config/broker-types.ts).

  /** One broker, per hour. */
  readonly brokerPricePerHour: number;
  /** Provisioned storage, per GiB-month. */
  readonly storagePricePerGiBMonth: number;
  /** Client traffic (producers, consumers) that crosses zones, per GiB (both directions' charges together). */
  readonly crossZonePricePerGiB: number;
  /** Replication traffic between brokers in different zones, per GiB (free on AWS MSK). */
  readonly replicationPricePerGiB: number;
}

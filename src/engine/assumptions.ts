/**
 * Constants the model uses that are not inputs (yet). Each is shown to the user
 * beside the numbers it affects and written down in docs/model.md.
 */

/** Seconds in an hour: retention is entered in hours, storage is bytes·seconds. */
export const SECONDS_PER_HOUR = 3600;

/** Percentile factors of an exponential distribution: P(X ≤ q·mean) = p ⇔ q = −ln(1−p). */
export const EXP_P50_FACTOR = Math.LN2;
export const EXP_P99_FACTOR = Math.log(100);

/**
 * Partition count past which the advice stops recommending "more partitions" and
 * points at processing time instead: the planner's own range, and well past
 * Confluent's guidance of about 4,000 partition replicas per broker.
 */
export const PRACTICAL_MAX_PARTITIONS = 10_000;

/** segment.bytes, Kafka's default: a partition's active segment rolls at 1 GiB… */
export const SEGMENT_BYTES = 1024 ** 3;
/** …or after segment.ms = 7 days. Retention deletes closed segments only, so one open segment a replica stays. */
export const SEGMENT_MS = 7 * 24 * 3_600_000;
/**
 * Index bytes per log byte: Kafka writes an offset-index entry (8 B) and a time-index entry (12 B)
 * every log.index.interval.bytes = 4,096 B of log: 20 / 4,096 ≈ 0.49 %.
 */
export const INDEX_BYTES_PER_LOG_BYTE = 20 / 4096;
/** JVM heap of a broker, GiB: Confluent's production guidance (6 GB); the rest of memory is page cache. */
export const JVM_HEAP_GIB = 6;
/** A hot window shorter than this means a consumer a few minutes behind reads from disk (Netflix's model keeps about 10 min). */
export const HOT_WINDOW_TARGET_SECONDS = 600;

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

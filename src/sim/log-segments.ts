/**
 * Kafka's log segments of one partition, for retention: the active segment takes every append
 * and rolls when it holds `segment.bytes` or is `segment.ms` old; retention deletes a whole
 * segment once its newest record is older than `retention.ms`, never the active one (Kafka's
 * UnifiedLog.deleteRetentionMsBreachedSegments). So a partition keeps up to a segment more
 * than its retention. The events themselves live in the PartitionLog; this keeps only each
 * segment's base offset, size, creation time and newest record time (a ring of typed arrays).
 */
export class LogSegments {
  private base = new Float64Array(4);
  private bytes = new Float64Array(4);
  private createdMs = new Float64Array(4);
  private newestMs = new Float64Array(4);
  /** Segments [head, length) are retained; length − 1 is the active one. */
  private head = 0;
  private length = 0;

  constructor(
    private readonly segmentBytes: number,
    private readonly segmentMs: number,
  ) {}

  /** A batch of `batchBytes` at offset `baseOffset`, appended at nowMs, its newest record sent at newestMs. */
  append(baseOffset: number, batchBytes: number, nowMs: number, newestMs: number): void {
    const active = this.length - 1;
    const roll = active < this.head || (this.bytes[active] as number) + batchBytes > this.segmentBytes || nowMs - (this.createdMs[active] as number) >= this.segmentMs;
    if (roll) {
      // An empty active segment takes the batch whatever its size (a batch is never split).
      if (active < this.head || (this.bytes[active] as number) > 0) this.open(baseOffset, nowMs);
    }
    const i = this.length - 1;
    this.bytes[i] = (this.bytes[i] as number) + batchBytes;
    this.newestMs[i] = Math.max(this.newestMs[i] as number, newestMs);
  }

  /** Deletes the segments whose newest record is older than cutoffMs, the active one excepted. */
  deleteOlderThan(cutoffMs: number): void {
    while (this.head < this.length - 1 && (this.newestMs[this.head] as number) < cutoffMs) this.head += 1;
  }

  /** The first retained segment's base offset: the partition's log start offset. */
  get logStartOffset(): number {
    return this.length > this.head ? (this.base[this.head] as number) : 0;
  }

  get segmentCount(): number {
    return this.length - this.head;
  }

  private open(baseOffset: number, nowMs: number): void {
    if (this.length === this.base.length) this.makeRoom();
    const i = this.length;
    this.base[i] = baseOffset;
    this.bytes[i] = 0;
    this.createdMs[i] = nowMs;
    this.newestMs[i] = -Infinity;
    this.length += 1;
  }

  /** Drops deleted segments, or doubles the arrays when most are retained. */
  private makeRoom(): void {
    const live = this.length - this.head;
    const size = live * 2 > this.base.length ? this.base.length * 2 : this.base.length;
    const move = (column: Float64Array) => {
      const next = new Float64Array(size);
      next.set(column.subarray(this.head, this.length));
      return next;
    };
    this.base = move(this.base);
    this.bytes = move(this.bytes);
    this.createdMs = move(this.createdMs);
    this.newestMs = move(this.newestMs);
    this.head = 0;
    this.length = live;
  }
}

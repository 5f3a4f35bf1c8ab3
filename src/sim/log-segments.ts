/**
 * Kafka's log segments of one partition, for retention: the active segment takes every append
 * and rolls when it holds `segment.bytes` or is `segment.ms` old; retention deletes a whole
 * segment once its newest record is older than `retention.ms`, never the active one (Kafka's
 * UnifiedLog.deleteRetentionMsBreachedSegments). So a partition keeps up to a segment more
 * than its retention. The events themselves live in the PartitionLog; this keeps only the
 * active segment's size, creation and newest record time (plain fields: every append touches
 * them) and each closed segment's base offset and newest record time (typed arrays).
 */
export class LogSegments {
  private activeBase = 0;
  private activeBytes = 0;
  private activeCreatedMs = 0;
  private activeNewestMs = -Infinity;
  private hasActive = false;
  /** Closed segments [head, closed): base offset and newest record time. */
  private closedBase = new Float64Array(4);
  private closedNewestMs = new Float64Array(4);
  private head = 0;
  private closed = 0;

  constructor(
    private readonly segmentBytes: number,
    private readonly segmentMs: number,
  ) {}

  /** A batch of `batchBytes` at offset `baseOffset`, appended at nowMs, its newest record sent at newestMs. */
  append(baseOffset: number, batchBytes: number, nowMs: number, newestMs: number): void {
    if (!this.hasActive) {
      this.open(baseOffset, nowMs);
    } else if (this.activeBytes > 0 && (this.activeBytes + batchBytes > this.segmentBytes || nowMs - this.activeCreatedMs >= this.segmentMs)) {
      // A batch is never split: an empty active segment takes it whatever its size.
      this.close();
      this.open(baseOffset, nowMs);
    }
    this.activeBytes += batchBytes;
    if (newestMs > this.activeNewestMs) this.activeNewestMs = newestMs;
  }

  /** Deletes the segments whose newest record is older than cutoffMs, the active one excepted. */
  deleteOlderThan(cutoffMs: number): void {
    while (this.head < this.closed && (this.closedNewestMs[this.head] as number) < cutoffMs) this.head += 1;
  }

  /** The first retained segment's base offset: the partition's log start offset. */
  get logStartOffset(): number {
    return this.head < this.closed ? (this.closedBase[this.head] as number) : this.activeBase;
  }

  get segmentCount(): number {
    return this.closed - this.head + (this.hasActive ? 1 : 0);
  }

  private open(baseOffset: number, nowMs: number): void {
    this.hasActive = true;
    this.activeBase = baseOffset;
    this.activeBytes = 0;
    this.activeCreatedMs = nowMs;
    this.activeNewestMs = -Infinity;
  }

  private close(): void {
    if (this.closed === this.closedBase.length) this.makeRoom();
    this.closedBase[this.closed] = this.activeBase;
    this.closedNewestMs[this.closed] = this.activeNewestMs;
    this.closed += 1;
  }

  /** Drops deleted segments, or doubles the arrays when most are retained. */
  private makeRoom(): void {
    const live = this.closed - this.head;
    const size = live * 2 > this.closedBase.length ? this.closedBase.length * 2 : this.closedBase.length;
    const move = (column: Float64Array) => {
      const next = new Float64Array(size);
      next.set(column.subarray(this.head, this.closed));
      return next;
    };
    this.closedBase = move(this.closedBase);
    this.closedNewestMs = move(this.closedNewestMs);
    this.head = 0;
    this.closed = live;
  }
}

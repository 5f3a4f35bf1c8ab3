/**
 * One partition's log as a list of segments: runs of consecutive offsets with the
 * time span their events arrived in (at the producer) and became readable (covered by
 * the high watermark). A fresh segment is one record batch; old segments are merged
 * pairwise so memory stays bounded at any event rate, while every event stays counted
 * exactly. Inside a segment, times are interpolated evenly (for Poisson arrivals that is
 * the expected position of each event). Storage: one typed array of rows (a segment's six
 * numbers side by side, 48 bytes: one cache line, where six parallel arrays cost six misses per
 * append at 1,000 partitions), compacted in place.
 */
const FIELDS = 6;
const START = 0;
const COUNT = 1;
const FIRST_ARRIVAL = 2;
const LAST_ARRIVAL = 3;
const FIRST_READABLE = 4;
const LAST_READABLE = 5;

export class PartitionLog {
  /** Segment k is rows[k·FIELDS … k·FIELDS + 5]. */
  private rows: Float64Array;
  private capacity: number;
  private length = 0;
  /** First retained segment (older ones were deleted by retention). */
  private head = 0;
  /** First segment not yet covered by the high watermark. */
  private hwIndex = 0;
  /** Segment count that triggers the next compaction (raised when little could be merged). */
  private compactAtSegments: number;
  /** Readable time of the newest segment: readable times never go backwards. */
  private lastReadableMs = -Infinity;
  /** Readable time of segment hwIndex (Infinity when every segment is readable): asked on every poll, so kept off the rows. */
  private nextReadableAtMs = Infinity;

  logStartOffset = 0;
  logEndOffset = 0;
  highWatermark = 0;

  constructor(private readonly maxSegments: number) {
    this.compactAtSegments = maxSegments;
    this.capacity = 64;
    this.rows = new Float64Array(this.capacity * FIELDS);
  }

  append(events: number, firstArrivalMs: number, lastArrivalMs: number, readableMs: number): void {
    const readable = Math.max(readableMs, this.lastReadableMs);
    this.lastReadableMs = readable;
    if (this.length === this.capacity) this.grow();
    const r = this.rows;
    const at = this.length * FIELDS;
    r[at + START] = this.logEndOffset;
    r[at + COUNT] = events;
    r[at + FIRST_ARRIVAL] = firstArrivalMs;
    r[at + LAST_ARRIVAL] = lastArrivalMs;
    r[at + FIRST_READABLE] = readable;
    r[at + LAST_READABLE] = readable;
    if (this.hwIndex === this.length) this.nextReadableAtMs = readable;
    this.length += 1;
    this.logEndOffset += events;
    if (this.length - this.head > this.compactAtSegments) this.compact();
  }

  /** Moves the high watermark over every segment readable at nowMs; returns it. */
  advanceHighWatermark(nowMs: number): number {
    if (this.nextReadableAtMs > nowMs) return this.highWatermark;
    const r = this.rows;
    while (this.hwIndex < this.length && (r[this.hwIndex * FIELDS + LAST_READABLE] as number) <= nowMs) {
      this.highWatermark += r[this.hwIndex * FIELDS + COUNT] as number;
      this.hwIndex += 1;
    }
    this.nextReadableAtMs = this.hwIndex < this.length ? (r[this.hwIndex * FIELDS + LAST_READABLE] as number) : Infinity;
    return this.highWatermark;
  }

  /** When the next not-yet-readable segment becomes readable (Infinity if none). */
  nextReadableMs(): number {
    return this.nextReadableAtMs;
  }

  /**
   * Deletes the events before `offset` (retention deleted the Kafka segments below it: see
   * log-segments.ts), readable ones only. A run that straddles the offset is cut there, its
   * times interpolated as forEachRun does.
   */
  trimTo(offset: number): void {
    const r = this.rows;
    const upTo = Math.min(offset, this.highWatermark);
    while (this.head < this.hwIndex && (r[this.head * FIELDS + START] as number) + (r[this.head * FIELDS + COUNT] as number) <= upTo) {
      this.logStartOffset += r[this.head * FIELDS + COUNT] as number;
      this.head += 1;
    }
    const at = this.head * FIELDS;
    if (this.head >= this.hwIndex || (r[at + START] as number) >= upTo) return;
    const cut = upTo - (r[at + START] as number);
    const share = cut / ((r[at + COUNT] as number) - 1);
    r[at + FIRST_ARRIVAL] = (r[at + FIRST_ARRIVAL] as number) + share * ((r[at + LAST_ARRIVAL] as number) - (r[at + FIRST_ARRIVAL] as number));
    r[at + FIRST_READABLE] = (r[at + FIRST_READABLE] as number) + share * ((r[at + LAST_READABLE] as number) - (r[at + FIRST_READABLE] as number));
    r[at + START] = upTo;
    r[at + COUNT] = (r[at + COUNT] as number) - cut;
    this.logStartOffset = upTo;
  }

  /**
   * Calls visit(events, firstArrivalMs, lastArrivalMs, firstReadableMs, lastReadableMs)
   * for each run of offsets in [from, to), split at segment boundaries, times
   * interpolated to the run's first and last event.
   */
  forEachRun(from: number, to: number, visit: (events: number, arrA: number, arrB: number, readA: number, readB: number) => void): void {
    const r = this.rows;
    let i = this.segmentIndexOf(from);
    let offset = from;
    while (offset < to && i < this.length) {
      const at = i * FIELDS;
      const segStart = r[at + START] as number;
      const segCount = r[at + COUNT] as number;
      const runEnd = Math.min(to, segStart + segCount);
      const span = segCount > 1 ? segCount - 1 : 1;
      const fa = (offset - segStart) / span;
      const fb = (runEnd - 1 - segStart) / span;
      const arr0 = r[at + FIRST_ARRIVAL] as number;
      const arrSpan = (r[at + LAST_ARRIVAL] as number) - arr0;
      const read0 = r[at + FIRST_READABLE] as number;
      const readSpan = (r[at + LAST_READABLE] as number) - read0;
      visit(runEnd - offset, arr0 + fa * arrSpan, arr0 + fb * arrSpan, read0 + fa * readSpan, read0 + fb * readSpan);
      offset = runEnd;
      i += 1;
    }
  }

  get segmentCount(): number {
    return this.length - this.head;
  }

  private segmentIndexOf(offset: number): number {
    const r = this.rows;
    let lo = this.head;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((r[mid * FIELDS + START] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Drops deleted segments, then merges neighbours pairwise in the older half of the readable ones. */
  private compact(): void {
    const r = this.rows;
    if (this.head > 0) {
      r.copyWithin(0, this.head * FIELDS, this.length * FIELDS);
      this.length -= this.head;
      this.hwIndex -= this.head;
      this.head = 0;
    }
    const mergeEnd = Math.min(this.hwIndex, Math.floor(this.length / 2)) & ~1;
    // Compaction costs O(segments): run it again only after another quarter of appends.
    this.compactAtSegments = this.length - mergeEnd / 2 + Math.max(2, Math.floor(this.maxSegments / 4));
    if (mergeEnd < 2) return;
    for (let src = 0, dst = 0; src < mergeEnd; src += 2, dst += 1) {
      const a = src * FIELDS;
      const b = a + FIELDS;
      const d = dst * FIELDS;
      r[d + START] = r[a + START] as number;
      r[d + COUNT] = (r[a + COUNT] as number) + (r[b + COUNT] as number);
      r[d + FIRST_ARRIVAL] = r[a + FIRST_ARRIVAL] as number;
      r[d + LAST_ARRIVAL] = r[b + LAST_ARRIVAL] as number;
      r[d + FIRST_READABLE] = r[a + FIRST_READABLE] as number;
      r[d + LAST_READABLE] = r[b + LAST_READABLE] as number;
    }
    const removed = mergeEnd / 2;
    r.copyWithin((mergeEnd - removed) * FIELDS, mergeEnd * FIELDS, this.length * FIELDS);
    this.length -= removed;
    this.hwIndex -= removed;
  }

  private grow(): void {
    this.capacity *= 2;
    const bigger = new Float64Array(this.capacity * FIELDS);
    bigger.set(this.rows);
    this.rows = bigger;
  }
}

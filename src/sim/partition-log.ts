/**
 * One partition's log as a list of segments: runs of consecutive offsets with the
 * time span their events arrived in (at the producer) and became readable (covered by
 * the high watermark). A fresh segment is one record batch; old segments are merged
 * pairwise so memory stays bounded at any event rate, while every event stays counted
 * exactly. Inside a segment, times are interpolated evenly (for Poisson arrivals that is
 * the expected position of each event). Storage: parallel typed arrays, compacted in place.
 */
const FIELDS = 6;
const START = 0;
const COUNT = 1;
const FIRST_ARRIVAL = 2;
const LAST_ARRIVAL = 3;
const FIRST_READABLE = 4;
const LAST_READABLE = 5;

export class PartitionLog {
  private columns: Float64Array[];
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

  logStartOffset = 0;
  logEndOffset = 0;
  highWatermark = 0;

  constructor(private readonly maxSegments: number) {
    this.compactAtSegments = maxSegments;
    this.capacity = 64;
    this.columns = Array.from({ length: FIELDS }, () => new Float64Array(this.capacity));
  }

  append(events: number, firstArrivalMs: number, lastArrivalMs: number, readableMs: number): void {
    const readable = Math.max(readableMs, this.lastReadableMs);
    this.lastReadableMs = readable;
    if (this.length === this.capacity) this.grow();
    const i = this.length;
    const c = this.columns;
    (c[START] as Float64Array)[i] = this.logEndOffset;
    (c[COUNT] as Float64Array)[i] = events;
    (c[FIRST_ARRIVAL] as Float64Array)[i] = firstArrivalMs;
    (c[LAST_ARRIVAL] as Float64Array)[i] = lastArrivalMs;
    (c[FIRST_READABLE] as Float64Array)[i] = readable;
    (c[LAST_READABLE] as Float64Array)[i] = readable;
    this.length += 1;
    this.logEndOffset += events;
    if (this.length - this.head > this.compactAtSegments) this.compact();
  }

  /** Moves the high watermark over every segment readable at nowMs; returns it. */
  advanceHighWatermark(nowMs: number): number {
    const lastReadable = this.columns[LAST_READABLE] as Float64Array;
    const count = this.columns[COUNT] as Float64Array;
    while (this.hwIndex < this.length && (lastReadable[this.hwIndex] as number) <= nowMs) {
      this.highWatermark += count[this.hwIndex] as number;
      this.hwIndex += 1;
    }
    return this.highWatermark;
  }

  /** When the next not-yet-readable segment becomes readable (Infinity if none). */
  nextReadableMs(): number {
    return this.hwIndex < this.length ? ((this.columns[LAST_READABLE] as Float64Array)[this.hwIndex] as number) : Infinity;
  }

  /**
   * Deletes the events before `offset` (retention deleted the Kafka segments below it: see
   * log-segments.ts), readable ones only. A run that straddles the offset is cut there, its
   * times interpolated as forEachRun does.
   */
  trimTo(offset: number): void {
    const [start, count, firstArrival, lastArrival, firstReadable, lastReadable] = this.columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const upTo = Math.min(offset, this.highWatermark);
    while (this.head < this.hwIndex && (start[this.head] as number) + (count[this.head] as number) <= upTo) {
      this.logStartOffset += count[this.head] as number;
      this.head += 1;
    }
    const i = this.head;
    if (i >= this.hwIndex || (start[i] as number) >= upTo) return;
    const cut = upTo - (start[i] as number);
    const span = (count[i] as number) - 1;
    const share = cut / span;
    firstArrival[i] = (firstArrival[i] as number) + share * ((lastArrival[i] as number) - (firstArrival[i] as number));
    firstReadable[i] = (firstReadable[i] as number) + share * ((lastReadable[i] as number) - (firstReadable[i] as number));
    start[i] = upTo;
    count[i] = (count[i] as number) - cut;
    this.logStartOffset = upTo;
  }

  /**
   * Calls visit(events, firstArrivalMs, lastArrivalMs, firstReadableMs, lastReadableMs)
   * for each run of offsets in [from, to), split at segment boundaries, times
   * interpolated to the run's first and last event.
   */
  forEachRun(from: number, to: number, visit: (events: number, arrA: number, arrB: number, readA: number, readB: number) => void): void {
    const [start, count, firstArrival, lastArrival, firstReadable, lastReadable] = this.columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    let i = this.segmentIndexOf(from);
    let offset = from;
    while (offset < to && i < this.length) {
      const segStart = start[i] as number;
      const segCount = count[i] as number;
      const runEnd = Math.min(to, segStart + segCount);
      const span = segCount > 1 ? segCount - 1 : 1;
      const fa = (offset - segStart) / span;
      const fb = (runEnd - 1 - segStart) / span;
      const arr0 = firstArrival[i] as number;
      const arrSpan = (lastArrival[i] as number) - arr0;
      const read0 = firstReadable[i] as number;
      const readSpan = (lastReadable[i] as number) - read0;
      visit(runEnd - offset, arr0 + fa * arrSpan, arr0 + fb * arrSpan, read0 + fa * readSpan, read0 + fb * readSpan);
      offset = runEnd;
      i += 1;
    }
  }

  get segmentCount(): number {
    return this.length - this.head;
  }

  private segmentIndexOf(offset: number): number {
    const start = this.columns[START] as Float64Array;
    let lo = this.head;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((start[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Drops deleted segments, then merges neighbours pairwise in the older half of the readable ones. */
  private compact(): void {
    const c = this.columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    if (this.head > 0) {
      for (const column of c) column.copyWithin(0, this.head, this.length);
      this.length -= this.head;
      this.hwIndex -= this.head;
      this.head = 0;
    }
    const mergeEnd = Math.min(this.hwIndex, Math.floor(this.length / 2)) & ~1;
    // Compaction costs O(segments): run it again only after another quarter of appends.
    this.compactAtSegments = this.length - mergeEnd / 2 + Math.max(2, Math.floor(this.maxSegments / 4));
    if (mergeEnd < 2) return;
    const [start, count, firstArrival, lastArrival, firstReadable, lastReadable] = c;
    for (let src = 0, dst = 0; src < mergeEnd; src += 2, dst += 1) {
      start[dst] = start[src] as number;
      count[dst] = (count[src] as number) + (count[src + 1] as number);
      firstArrival[dst] = firstArrival[src] as number;
      lastArrival[dst] = lastArrival[src + 1] as number;
      firstReadable[dst] = firstReadable[src] as number;
      lastReadable[dst] = lastReadable[src + 1] as number;
    }
    const removed = mergeEnd / 2;
    for (const column of c) column.copyWithin(mergeEnd - removed, mergeEnd, this.length);
    this.length -= removed;
    this.hwIndex -= removed;
  }

  private grow(): void {
    this.capacity *= 2;
    this.columns = this.columns.map((column) => {
      const bigger = new Float64Array(this.capacity);
      bigger.set(column);
      return bigger;
    });
  }
}

/**
 * The future-event list: a binary min-heap over typed arrays, ordered by time and then
 * by insertion order, so simultaneous events always run in the same order (determinism).
 * Each entry carries a kind and three integer arguments; no objects per event.
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Int32Array(1024);
  private args = new Int32Array(1024 * 3);
  private length = 0;
  private nextSeq = 0;

  get size(): number {
    return this.length;
  }

  peekTime(): number {
    return this.length > 0 ? (this.times[0] as number) : Infinity;
  }

  push(timeMs: number, kind: number, a = 0, b = 0, c = 0): void {
    if (this.length === this.times.length) this.grow();
    let i = this.length;
    this.length += 1;
    const seq = this.nextSeq;
    this.nextSeq += 1;
    // Sift up: move parents down until the slot for the new entry is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(timeMs, seq, parent)) break;
      this.copy(parent, i);
      i = parent;
    }
    this.set(i, timeMs, seq, kind, a, b, c);
  }

  /** Removes the earliest entry into `out` (time, kind, a, b, c). Returns false when empty. */
  pop(out: { timeMs: number; kind: number; a: number; b: number; c: number }): boolean {
    if (this.length === 0) return false;
    out.timeMs = this.times[0] as number;
    out.kind = this.kinds[0] as number;
    out.a = this.args[0] as number;
    out.b = this.args[1] as number;
    out.c = this.args[2] as number;
    this.length -= 1;
    if (this.length === 0) return true;
    const last = this.length;
    const t = this.times[last] as number;
    const s = this.seqs[last] as number;
    const k = this.kinds[last] as number;
    const la = this.args[last * 3] as number;
    const lb = this.args[last * 3 + 1] as number;
    const lc = this.args[last * 3 + 2] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.length) break;
      const right = left + 1;
      const child = right < this.length && this.lessIdx(right, left) ? right : left;
      if (!this.lessThan(child, t, s)) break;
      this.copy(child, i);
      i = child;
    }
    this.set(i, t, s, k, la, lb, lc);
    return true;
  }

  private less(time: number, seq: number, index: number): boolean {
    const t = this.times[index] as number;
    return time < t || (time === t && seq < (this.seqs[index] as number));
  }

  private lessThan(index: number, time: number, seq: number): boolean {
    const t = this.times[index] as number;
    return t < time || (t === time && (this.seqs[index] as number) < seq);
  }

  private lessIdx(i: number, j: number): boolean {
    return this.lessThan(i, this.times[j] as number, this.seqs[j] as number);
  }

  private copy(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    const args = this.args;
    const f = from * 3;
    const t = to * 3;
    args[t] = args[f] as number;
    args[t + 1] = args[f + 1] as number;
    args[t + 2] = args[f + 2] as number;
  }

  private set(i: number, time: number, seq: number, kind: number, a: number, b: number, c: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.args[i * 3] = a;
    this.args[i * 3 + 1] = b;
    this.args[i * 3 + 2] = c;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    const kinds = new Int32Array(capacity);
    kinds.set(this.kinds);
    const args = new Int32Array(capacity * 3);
    args.set(this.args);
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    this.args = args;
  }
}

/** One call made on the fake 2D context, with the colours and alpha in force when it was made. */
export interface Call {
  readonly name: string;
  readonly args: readonly unknown[];
  readonly fillStyle: unknown;
  readonly strokeStyle: unknown;
  readonly globalAlpha: unknown;
  readonly textAlign: unknown;
}

/**
 * A 2D context that records what was drawn, for the painters' tests. By default it cannot
 * measure text (measureText returns nothing), so painters take every text as fitting; given
 * `charWidthPx`, it measures every character that wide, so painters shorten what would not fit.
 */
export function recordingContext(options: { charWidthPx?: number } = {}) {
  const calls: Call[] = [];
  const state: Record<string | symbol, unknown> = { fillStyle: '', strokeStyle: '', globalAlpha: 1, textAlign: 'start' };
  const { charWidthPx } = options;
  if (charWidthPx !== undefined) state.measureText = (words: string) => ({ width: words.length * charWidthPx });
  const ctx = new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key];
      return (...args: unknown[]) => calls.push({ name: String(key), args, fillStyle: target.fillStyle, strokeStyle: target.strokeStyle, globalAlpha: target.globalAlpha, textAlign: target.textAlign });
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  const named = (name: string) => calls.filter((c) => c.name === name);
  const texts = () => named('fillText').map((c) => String(c.args[0]));
  /** The fillText call that wrote exactly `words`. */
  const textCall = (words: string) => named('fillText').find((c) => c.args[0] === words);
  const count = (name: string) => named(name).length;
  return { ctx, calls, named, texts, textCall, count };
}

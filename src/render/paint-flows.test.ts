import { describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../sim/types';
import { recordingContext, type Call } from '../test-support/recording-context';
import { makePlainSnapshot } from '../test-support/sim-snapshot';
import { makeClusterPlain, viewOfPlain } from '../test-support/sim-view';
import { DOT_PX } from './paint-flows';
import { paintSim } from './paint-sim';
import { LIGHT_PALETTE } from './palette';

const P = LIGHT_PALETTE;
/** 11 px system-ui averages under this per character: the fake context measures so, and each text's box is taken so. */
const CHAR_PX = 6.5;
const HALF_LINE_PX = 6;

const isDot = (c: Call) => c.name === 'fillRect' && c.args[2] === DOT_PX && c.args[3] === DOT_PX && (c.fillStyle === P.produce || c.fillStyle === P.consume);

/** Where a fillText call's words may lie, by its alignment. */
function textBox(c: Call): { x0: number; x1: number; y0: number; y1: number } {
  const w = String(c.args[0]).length * CHAR_PX;
  const x = c.args[1] as number;
  const y = c.args[2] as number;
  const x0 = c.textAlign === 'right' ? x - w : c.textAlign === 'center' ? x - w / 2 : x;
  return { x0, x1: x0 + w, y0: y - HALF_LINE_PX, y1: y + HALF_LINE_PX };
}

function dotsOverText(plain: SimSnapshot, viewport: { widthPx: number; heightPx: number; pixelRatio: number }): string[] {
  const view = viewOfPlain(plain);
  const covered: string[] = [];
  for (const animationMs of [0, 150, 300, 450, 600, 750]) {
    const rec = recordingContext({ charWidthPx: CHAR_PX });
    paintSim(rec.ctx, view, viewport, animationMs, P);
    const boxes = rec.named('fillText').map((c) => ({ words: String(c.args[0]), ...textBox(c) }));
    for (const dot of rec.calls.filter(isDot)) {
      const [x, y] = dot.args as number[];
      const hit = boxes.find((b) => (x as number) < b.x1 && (x as number) + DOT_PX > b.x0 && (y as number) < b.y1 && (y as number) + DOT_PX > b.y0);
      if (hit) covered.push(`${animationMs} ms: a dot at ${(x as number).toFixed(0)},${(y as number).toFixed(0)} on “${hit.words}”`);
    }
  }
  return covered;
}

describe('batch dots', () => {
  it('move with animation time, one fillRect each, never arc()', () => {
    const view = viewOfPlain(makePlainSnapshot({ flows: 20 }));
    const dots = (animationMs: number) => {
      const rec = recordingContext();
      paintSim(rec.ctx, view, { widthPx: 900, heightPx: 416, pixelRatio: 1 }, animationMs, P);
      expect(rec.count('arc')).toBe(0);
      return rec.calls.filter(isDot).map((c) => c.args);
    };
    const still = dots(0);
    expect(still).toHaveLength(20);
    expect(dots(200)).not.toEqual(still);
  });

  it('never cover text, wide or narrow, one topic or several', () => {
    const cluster = makeClusterPlain([{ name: 'orders', partitions: 6, consumers: 3 }, { name: 'clicks', partitions: 4, consumers: 2 }]);
    const flows = Array.from({ length: 60 }, (_, i) => ({ kind: i % 2 === 0 ? ('produce' as const) : ('consume' as const), partition: i % 10, group: i % 2 === 0 ? -1 : i % 10 < 6 ? 0 : 1, consumer: i % 2 === 0 ? -1 : (i % 10) % 2, events: 5, progress: (i % 7) / 7 }));
    for (const widthPx of [900, 340]) {
      const viewport = { widthPx, heightPx: 416, pixelRatio: 1 };
      expect(dotsOverText(makePlainSnapshot({ flows: 60 }), viewport)).toEqual([]);
      expect(dotsOverText({ ...cluster, flows }, viewport)).toEqual([]);
    }
  });
});

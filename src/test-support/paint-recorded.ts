import { paintSim } from '../render/paint-sim';
import { LIGHT_PALETTE } from '../render/palette';
import { WHOLE_CLUSTER } from '../render/sim-focus';
import { sceneOf } from '../render/sim-scene';
import type { SimSnapshot } from '../sim/types';
import { recordingContext } from './recording-context';
import { viewOfPlain } from './sim-view';

/** The canvas the painter tests draw on (CSS px). */
export const TEST_VIEWPORT = { widthPx: 900, heightPx: 416, pixelRatio: 1 };

/** Paints a plain snapshot, whole cluster, light palette, on a recording context; with the scene the painter drew from. */
export function paintRecorded(plain: SimSnapshot) {
  const view = viewOfPlain(plain);
  const rec = recordingContext();
  paintSim(rec.ctx, view, TEST_VIEWPORT, 0, LIGHT_PALETTE);
  return { rec, scene: sceneOf(view, TEST_VIEWPORT, WHOLE_CLUSTER) };
}

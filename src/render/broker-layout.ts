/**
 * Inside a broker box: two lines of words, then a grid of its replicas — chips with the
 * partition's name (P3) where names fit, small cells otherwise. The band is as tall as the
 * fullest broker's grid needs (within limits), so the lanes below get the rest.
 */
export const REPLICAS_TOP_PX = 28;
const CHIP = { w: 22, h: 12, pitchX: 24, pitchY: 14 };
const CELL = { w: 6, h: 6, pitchX: 8, pitchY: 8 };
const BOX_PAD_PX = 4;
export const MIN_BROKER_BAND_PX = 44;
const MAX_BROKER_BAND_PX = 96;

export interface ReplicaGrid {
  readonly columns: number;
  readonly w: number;
  readonly h: number;
  readonly pitchX: number;
  readonly pitchY: number;
  /** Chips with the partition's name, or plain cells. */
  readonly named: boolean;
}

const FORMS = [
  [CHIP, true],
  [CELL, false],
] as const;

/** The grid `replicas` take in a box `boxW` × `boxH`: named chips if wanted and they fit, else cells, else null (a bar instead). */
export function replicaGrid(boxW: number, boxH: number, replicas: number, namedWanted: boolean): ReplicaGrid | null {
  for (const [cell, named] of FORMS) {
    if (named && !namedWanted) continue;
    const columns = Math.floor((boxW - 2 * BOX_PAD_PX) / cell.pitchX);
    const rows = Math.floor((boxH - REPLICAS_TOP_PX - 2) / cell.pitchY);
    if (columns > 0 && replicas <= columns * rows) return { ...cell, columns, named };
  }
  return null;
}

/** The band height that fits the fullest broker's replicas in the best form that fits under `limitPx`; the least height when none does (a bar each). */
export function brokerBandHeightPx(boxW: number, mostReplicas: number, namedWanted: boolean, limitPx: number): number {
  const max = Math.max(MIN_BROKER_BAND_PX, Math.min(MAX_BROKER_BAND_PX, limitPx));
  for (const [cell, named] of FORMS) {
    if (named && !namedWanted) continue;
    const columns = Math.floor((boxW - 2 * BOX_PAD_PX) / cell.pitchX);
    if (columns <= 0) continue;
    const h = REPLICAS_TOP_PX + 2 + Math.ceil(mostReplicas / columns) * cell.pitchY;
    if (h <= max) return Math.max(MIN_BROKER_BAND_PX, h);
  }
  return MIN_BROKER_BAND_PX;
}

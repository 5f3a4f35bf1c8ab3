import { describe, expect, it } from 'vitest';
import { DARK_PALETTE, LIGHT_PALETTE, type SimPalette } from './palette';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const value = Number.parseInt(hex.slice(1), 16);
    const [r, g, bl] = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (bl as number);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi as number) + 0.05) / ((lo as number) + 0.05);
}

/** Every pair of (text colour, what it is written on) the painters use. */
function textPairs(p: SimPalette): [string, string, string][] {
  const onSurfaces = (['text', 'mutedText', 'offline', 'stalled', 'deadLetter', 'consumerDead', 'produce'] as const).flatMap((name) => [
    [name, p[name], p.background] as [string, string, string],
    [`${name} on panel`, p[name], p.panel] as [string, string, string],
  ]);
  return [
    ...onSurfaces,
    ['deadLetter on its fill', p.deadLetter, p.deadLetterFill],
    ['text on a down broker', p.text, p.brokerDown],
    ['chip name on a leader', p.chipText, p.leader],
    ['chip name on an offline replica', p.chipText, p.offline],
    ['chip name on a stalled leader', p.chipText, p.stalled],
  ];
}

describe('palettes', () => {
  for (const [name, palette] of [['light', LIGHT_PALETTE], ['dark', DARK_PALETTE]] as const) {
    it(`${name}: every text colour reaches 4.5:1 on what it is written on`, () => {
      const low = textPairs(palette).filter(([, fg, bg]) => contrast(fg, bg) < 4.5).map(([what, fg, bg]) => `${what}: ${contrast(fg, bg).toFixed(2)}`);
      expect(low).toEqual([]);
    });

    it(`${name}: offline, stalled, the dead-letter queue and idle consumers each have a colour of their own`, () => {
      const distinct = new Set([palette.offline, palette.stalled, palette.deadLetter, palette.consumerIdle, palette.consumerBusy, palette.log]);
      expect(distinct.size).toBe(6);
      expect(palette.deadLetterFill).not.toBe(palette.panel);
      expect(new Set(palette.groupColours).size).toBe(palette.groupColours.length);
    });
  }
});

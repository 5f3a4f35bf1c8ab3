/**
 * Building the picture a "Download PNG" button saves. Pure (strings and numbers only): the
 * component serialises the chart's SVG panels, this composes them with the title, the legend
 * and a background into one SVG of explicit width and height, which the component then draws
 * onto a canvas (src/components/charts/download-png.ts).
 */

export interface ExportPanel {
  /** One panel's serialised <svg> (XMLSerializer output). */
  readonly markup: string;
  /** Position and size in CSS pixels, relative to the chart's plot area. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ExportLegendItem {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** A filled square (a bar series) instead of a line. */
  readonly square?: boolean;
}

export interface ExportPicture {
  readonly title: string;
  readonly subtitle?: string;
  readonly panels: readonly ExportPanel[];
  readonly legend?: readonly ExportLegendItem[];
  readonly background: string;
  readonly textColor: string;
  readonly fontFamily?: string;
}

export interface ComposedSvg {
  readonly markup: string;
  readonly width: number;
  readonly height: number;
}

const PAD = 16;
const TITLE_H = 24;
const SUBTITLE_H = 18;
const LEGEND_H = 20;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Text safe inside an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** Rough text width for laying out the legend (no DOM to measure with): 0.6 em a character. */
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

export function composeExportSvg(picture: ExportPicture): ComposedSvg {
  const font = picture.fontFamily ?? 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const panelsRight = Math.max(0, ...picture.panels.map((p) => p.x + p.width));
  const panelsBottom = Math.max(0, ...picture.panels.map((p) => p.y + p.height));
  const width = Math.ceil(Math.max(panelsRight, 320) + 2 * PAD);

  // Legend items flow left to right and wrap at the picture's width.
  const legend: string[] = [];
  let lx = PAD;
  let row = 0;
  for (const item of picture.legend ?? []) {
    const w = 28 + textWidth(item.label, 12) + 16;
    if (lx + w > width - PAD && lx > PAD) {
      lx = PAD;
      row += 1;
    }
    const y = row * LEGEND_H + 10;
    const swatch = item.square
      ? `<rect x="${lx + 5}" y="${y - 6}" width="12" height="12" rx="2" fill="${escapeXml(item.color)}"/>`
      : `<line x1="${lx}" y1="${y}" x2="${lx + 22}" y2="${y}" stroke="${escapeXml(item.color)}" stroke-width="3"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
    legend.push(
      swatch +
        `<text x="${lx + 28}" y="${y + 4}" fill="${escapeXml(picture.textColor)}" font-size="12">${escapeXml(item.label)}</text>`,
    );
    lx += w;
  }
  const legendRows = legend.length > 0 ? row + 1 : 0;

  const top = PAD + TITLE_H + (picture.subtitle ? SUBTITLE_H : 0) + 6;
  const legendTop = top + panelsBottom + 8;
  const height = Math.ceil(legendTop + legendRows * LEGEND_H + PAD);

  const parts = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}" font-size="12">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(picture.background)}"/>`,
    `<text x="${PAD}" y="${PAD + 16}" fill="${escapeXml(picture.textColor)}" font-size="16" font-weight="600">${escapeXml(picture.title)}</text>`,
  ];
  if (picture.subtitle) {
    parts.push(`<text x="${PAD}" y="${PAD + TITLE_H + 12}" fill="${escapeXml(picture.textColor)}" font-size="12">${escapeXml(picture.subtitle)}</text>`);
  }
  for (const panel of picture.panels) {
    parts.push(`<g transform="translate(${PAD + panel.x} ${top + panel.y})">${panel.markup}</g>`);
  }
  if (legend.length > 0) parts.push(`<g transform="translate(0 ${legendTop})">${legend.join('')}</g>`);
  parts.push('</svg>');
  return { markup: parts.join(''), width, height };
}

/** The file name of a chart's picture: "eventflow-lag.png". */
export function pngFileName(chartName: string): string {
  return `eventflow-${chartName.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`;
}

/** A data: URL for an SVG document (UTF-8, percent-encoded), which an <img> can load. */
export function svgDataUrl(markup: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
}

import { composeExportSvg, pngFileName, svgDataUrl, type ExportLegendItem } from '../../charts/svg-to-png';
import type { ChartTheme } from './chart-theme';

export interface PngRequest {
  /** The chart's name: the file is eventflow-<name>.png. */
  readonly name: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly legend: readonly ExportLegendItem[];
  readonly theme: ChartTheme;
}

/** Recharts draws each chart into one <svg> directly inside its wrapper. */
const CHART_SVG = '.recharts-wrapper > svg';
const SCALE = 2;

/**
 * Saves the charts inside `plot` as one PNG: each chart's SVG is serialised (explicit width and
 * height, no CSS sizing), composed with the title, legend and a background fill, drawn onto a
 * canvas at twice the size, and downloaded.
 */
export async function downloadChartPng(plot: HTMLElement, request: PngRequest): Promise<void> {
  const origin = plot.getBoundingClientRect();
  const serializer = new XMLSerializer();
  const panels = [...plot.querySelectorAll<SVGSVGElement>(CHART_SVG)].map((svg) => {
    const box = svg.getBoundingClientRect();
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.removeAttribute('style');
    copy.removeAttribute('class');
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', String(Math.round(box.width)));
    copy.setAttribute('height', String(Math.round(box.height)));
    copy.setAttribute('overflow', 'visible');
    return {
      markup: serializer.serializeToString(copy),
      x: box.left - origin.left,
      y: box.top - origin.top,
      width: box.width,
      height: box.height,
    };
  });
  if (panels.length === 0) throw new Error('The chart has not been drawn yet.');
  const picture = composeExportSvg({
    title: request.title,
    ...(request.subtitle ? { subtitle: request.subtitle } : {}),
    panels,
    legend: request.legend,
    background: request.theme.background,
    textColor: request.theme.text,
  });

  const image = new Image();
  image.src = svgDataUrl(picture.markup);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = picture.width * SCALE;
  canvas.height = picture.height * SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the picture.');
  context.scale(SCALE, SCALE);
  context.fillStyle = request.theme.background;
  context.fillRect(0, 0, picture.width, picture.height);
  context.drawImage(image, 0, 0, picture.width, picture.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('This browser could not make a PNG.');

  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = pngFileName(request.name);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

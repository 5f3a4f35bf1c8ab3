import { use, useId, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { useChartTheme, type ChartTheme } from './chart-theme';
import { PlotShownContext } from './ChartSlot';
import { downloadChartPng } from './download-png';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** line (solid), dashed (a baseline), bar (a filled square: a bar or a stacked area), limit (a dotted reference line), dot (one marked point). */
  readonly kind: 'line' | 'dashed' | 'bar' | 'limit' | 'dot';
}

export type ChartName = 'lag' | 'traffic' | 'storage' | 'sensitivity';

interface ChartFrameProps {
  readonly name: ChartName;
  readonly title: string;
  /** The chart in words: its accessible name's description and the visible caption. */
  readonly summary: string;
  readonly legend: readonly LegendItem[];
  /** Fixed height of the plot area in CSS pixels: nothing jumps while a slider is dragged. */
  readonly height: number;
  /**
   * Two panels side by side from the `sm` breakpoint, one above the other below it (their grid
   * is `grid-cols-1 sm:grid-cols-2`): the plot is then two panels high, so the second does not
   * run over the caption.
   */
  readonly twoPanels?: boolean;
  readonly controls?: ReactNode;
  readonly children: ReactNode;
}

function Swatch({ item }: { item: LegendItem }) {
  if (item.kind === 'bar') return <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: item.color }} />;
  if (item.kind === 'dot') return <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: item.color }} />;
  const dash = item.kind === 'dashed' ? '6 4' : item.kind === 'limit' ? '2 3' : undefined;
  return (
    <svg aria-hidden="true" width="24" height="8" className="inline-block shrink-0">
      <line x1="0" y1="4" x2="24" y2="4" stroke={item.color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul aria-label="Legend" className="flex min-h-5 flex-wrap gap-x-4 gap-y-1 text-xs">
      {items.map((item, index) => (
        // A topic may be named like another item ("Baseline"): the place keeps keys unique.
        <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-1.5">
          <Swatch item={item} />
          {/* A topic name may be 249 characters without a space. */}
          <span className="min-w-0 wrap-anywhere">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The picture's legend wraps between items, not inside one (src/charts/svg-to-png.ts lays them
 * out at 0.6 em a character of 12 px, after a 28 px swatch): a label longer than the picture is
 * wide (a long topic name, a limit on a phone) is cut there; the page shows it whole.
 */
const PNG_CHAR_PX = 7.2;
const PNG_ITEM_PX = 28 + 16 + 2 * 16;
function shortLabel(label: string, pictureWidthPx: number): string {
  const max = Math.max(12, Math.floor((pictureWidthPx - PNG_ITEM_PX) / PNG_CHAR_PX));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function DownloadPngButton({ name, title, summary, legend, theme, plot }: { name: ChartName; title: string; summary: string; legend: readonly LegendItem[]; theme: ChartTheme; plot: RefObject<HTMLDivElement | null> }) {
  const [status, setStatus] = useState('');
  const onClick = async () => {
    if (!plot.current) return;
    setStatus('');
    try {
      await downloadChartPng(plot.current, {
        name,
        title,
        subtitle: summary.length > 160 ? `${summary.slice(0, 157)}…` : summary,
        legend: legend.map((item) => ({ label: shortLabel(item.label, Math.max(320, plot.current?.getBoundingClientRect().width ?? 0)), color: item.color, dashed: item.kind === 'dashed' || item.kind === 'limit', square: item.kind === 'bar' || item.kind === 'dot' })),
        theme,
      });
    } catch (error) {
      setStatus(`Could not save the picture: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="flex flex-col items-end">
      <button
        type="button"
        onClick={() => void onClick()}
        className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        aria-label={`Download PNG of ${title}`}
      >
        Download PNG
      </button>
      {status && (
        <p role="status" className="text-xs text-red-700 dark:text-red-300">
          {status}
        </p>
      )}
    </div>
  );
}

/**
 * One chart: title, controls, legend, the plot (role="img", named by its summary), the summary
 * as caption, and a Download PNG button. data-testid="chart-<name>".
 */
/** The gap between stacked panels: Tailwind's gap-2. */
const PANEL_GAP_PX = 8;

export function ChartFrame({ name, title, summary, legend, height, twoPanels = false, controls, children }: ChartFrameProps) {
  const titleId = useId();
  const captionId = useId();
  const plot = useRef<HTMLDivElement>(null);
  const theme = useChartTheme();
  const plotShown = use(PlotShownContext);
  return (
    <figure
      data-testid={`chart-${name}`}
      aria-labelledby={titleId}
      aria-describedby={captionId}
      className="min-w-0 space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={titleId} className="font-semibold">
          {title}
        </h3>
        <DownloadPngButton name={name} title={title} summary={summary} legend={legend} theme={theme} plot={plot} />
      </div>
      {controls && <div className="flex flex-wrap items-end gap-3 text-sm">{controls}</div>}
      <ChartLegend items={legend} />
      <div
        ref={plot}
        role="img"
        aria-label={`${title}. ${summary}`}
        className={twoPanels ? 'h-(--plot-stacked) text-xs sm:h-(--plot-side)' : 'text-xs'}
        style={twoPanels ? ({ '--plot-stacked': `${2 * height + PANEL_GAP_PX}px`, '--plot-side': `${height}px` } as CSSProperties) : { height }}
      >
        {plotShown ? children : null}
      </div>
      <figcaption id={captionId} className="min-h-10 text-xs text-slate-600 dark:text-slate-300">
        {summary}
      </figcaption>
    </figure>
  );
}

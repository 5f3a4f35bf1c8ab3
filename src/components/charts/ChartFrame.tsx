import { use, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useChartTheme, type ChartTheme } from './chart-theme';
import { PlotShownContext } from './ChartSlot';
import { downloadChartPng } from './download-png';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** line (solid), dashed (a baseline), bar (a filled square), limit (a dotted reference line). */
  readonly kind: 'line' | 'dashed' | 'bar' | 'limit';
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
  readonly controls?: ReactNode;
  readonly children: ReactNode;
}

function Swatch({ item }: { item: LegendItem }) {
  if (item.kind === 'bar') return <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: item.color }} />;
  const dash = item.kind === 'dashed' ? '6 4' : item.kind === 'limit' ? '2 3' : undefined;
  return (
    <svg aria-hidden="true" width="24" height="8" className="inline-block">
      <line x1="0" y1="4" x2="24" y2="4" stroke={item.color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul aria-label="Legend" className="flex min-h-5 flex-wrap gap-x-4 gap-y-1 text-xs">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <Swatch item={item} />
          {item.label}
        </li>
      ))}
    </ul>
  );
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
        legend: legend.map((item) => ({ label: item.label, color: item.color, dashed: item.kind === 'dashed' || item.kind === 'limit', square: item.kind === 'bar' })),
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
export function ChartFrame({ name, title, summary, legend, height, controls, children }: ChartFrameProps) {
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
      <div ref={plot} role="img" aria-label={`${title}. ${summary}`} className="text-xs" style={{ height }}>
        {plotShown ? children : null}
      </div>
      <figcaption id={captionId} className="min-h-10 text-xs text-slate-600 dark:text-slate-300">
        {summary}
      </figcaption>
    </figure>
  );
}

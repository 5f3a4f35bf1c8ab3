import { memo, useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { MarkDot, NowLine } from './ReferenceMarks';
import { PARAMS, type ParamSpec } from '../../config/schema';
import type { Metrics } from '../../engine/compute-metrics';
import { METRIC_CATALOG, type MetricEntry } from '../../engine/metric-catalog';
import type { PlanConfig } from '../../engine/plan-config';
import { PLOTTABLE_KINDS } from '../../charts/sensitivity';
import { axisUnitFor, formatCompact, logTicks, type PlottableKind } from '../../charts/units';
import { formatNumber, formatSignificant } from '../../lib/format';
import type { BaselinePlan } from './baseline';
import { axisProps, BASELINE_DASH, tooltipProps, useChartTheme } from './chart-theme';
import { ChartFrame, type LegendItem } from './ChartFrame';
import { useSweep } from './useSweep';

const HEIGHT = 300;
const METRICS = METRIC_CATALOG.filter((m) => PLOTTABLE_KINDS.includes(m.kind));
const INPUTS: readonly ParamSpec[] = PARAMS;
const DEFAULT_METRIC = 'utilization';
const DEFAULT_INPUT = 'partitions';

interface Props {
  readonly config: PlanConfig;
  readonly metrics: Metrics;
  readonly baseline: BaselinePlan | null;
  /** The plan is still moving: a coarse sweep now, the full one once it stands still. */
  readonly moving?: boolean;
}

const selectClass = 'max-w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800';

export const SensitivityChart = memo(function SensitivityChart({ config, metrics, baseline, moving = false }: Props) {
  const theme = useChartTheme();
  const metricId = useId();
  const inputId = useId();
  const logId = useId();
  const [metricName, setMetricName] = useState(DEFAULT_METRIC);
  const [inputName, setInputName] = useState<string>(DEFAULT_INPUT);
  const [logY, setLogY] = useState(false);
  const entry: MetricEntry = METRICS.find((m) => m.name === metricName) ?? METRICS[0]!;
  const spec: ParamSpec = INPUTS.find((p) => p.name === inputName) ?? INPUTS[0]!;
  const sweep = useSweep(config, baseline?.config ?? null, spec, entry, moving);

  const currentX = config[spec.field];
  const currentRaw = entry.value(metrics);
  const currentY = Number.isFinite(currentRaw) ? currentRaw : null;
  const kind = entry.kind as PlottableKind;

  const { rows, unit, gaps } = useMemo(() => {
    let max = currentY ?? 0;
    let gapCount = 0;
    for (const row of sweep.rows) {
      if (row.value === null) gapCount += 1;
      for (const v of [row.value, row.baseline]) if (v !== null && v !== undefined && v > max) max = v;
    }
    const axis = axisUnitFor(kind, max);
    // On a log axis 0 and below cannot be drawn: gaps as well.
    const scale = (v: number | null | undefined) => (v === null || v === undefined || (logY && v <= 0) ? null : v / axis.factor);
    return {
      rows: sweep.rows.map((row) => ({ x: row.x, value: scale(row.value), ...(row.baseline !== undefined ? { baseline: scale(row.baseline) } : {}) })),
      unit: axis,
      gaps: gapCount,
    };
  }, [sweep.rows, kind, logY, currentY]);

  const finite = sweep.rows.filter((r): r is { x: number; value: number } => r.value !== null);
  const lowest = finite.reduce<{ x: number; value: number } | null>((a, r) => (!a || r.value < a.value ? r : a), null);
  const highest = finite.reduce<{ x: number; value: number } | null>((a, r) => (!a || r.value > a.value ? r : a), null);
  // Sampled values are not round: 4 significant digits read better than 22,539.339.
  const xText = (x: number) =>
    `${spec.integer || Math.abs(x) < 1 ? formatNumber(x, 3) : formatSignificant(x, 4)} ${spec.unit}`;
  const summary =
    `${entry.title} against ${spec.label.toLowerCase()}, ${formatNumber(spec.min, 3)} – ${xText(spec.max)}` +
    `${spec.scale === 'log' ? ' (log scale)' : ''}, every other input as now. ` +
    `Now ${xText(currentX)}: ${unit.format(currentRaw)}. ` +
    (lowest && highest ? `Lowest ${unit.format(lowest.value)} at ${xText(lowest.x)}; highest ${unit.format(highest.value)} at ${xText(highest.x)}. ` : '') +
    (gaps > 0 ? `Unbounded (left as a gap) at ${gaps} of ${sweep.rows.length} points.` : '') +
    (sweep.current ? '' : ' Updating…');

  const legend: LegendItem[] = [
    { label: `${entry.title} (this plan)`, color: theme.primary, kind: 'line' },
    { label: 'Now', color: theme.measured, kind: 'limit' },
  ];
  if (baseline) legend.push({ label: baseline.label, color: theme.baseline, kind: 'dashed' });

  const isLog = spec.scale === 'log';
  const controls = (
    <>
      <div className="flex min-w-0 max-w-full flex-col">
        <label htmlFor={metricId} className="text-xs text-slate-600 dark:text-slate-300">Metric</label>
        <select id={metricId} value={entry.name} onChange={(e) => setMetricName(e.target.value)} className={selectClass}>
          {METRICS.map((m) => (
            <option key={m.name} value={m.name}>
              {m.title}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 max-w-full flex-col">
        <label htmlFor={inputId} className="text-xs text-slate-600 dark:text-slate-300">Against input</label>
        <select id={inputId} value={spec.name} onChange={(e) => setInputName(e.target.value)} className={selectClass}>
          {INPUTS.map((p) => (
            <option key={p.name} value={p.name}>
              {p.unit.toLowerCase() === p.label.toLowerCase() ? p.label : `${p.label} (${p.unit})`}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={logId} className="flex items-center gap-1.5 pb-1">
        <input id={logId} type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} />
        <span className="text-xs">Log y axis</span>
      </label>
    </>
  );

  return (
    <ChartFrame name="sensitivity" title="Sensitivity: one metric against one input" summary={summary} legend={legend} height={HEIGHT} controls={controls}>
      <LineChart data={rows} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={theme.grid} />
        <XAxis
          dataKey="x"
          type="number"
          scale={isLog ? 'log' : 'linear'}
          domain={[spec.min, spec.max]}
          allowDataOverflow
          {...(isLog ? { ticks: logTicks(spec.min, spec.max) } : {})}
          tickFormatter={(v: number) => formatCompact(v)}
          label={{ value: `${spec.label} (${spec.unit}${isLog ? ', log scale' : ''})`, position: 'insideBottom', offset: -16, fill: theme.muted }}
          {...axisProps(theme)}
        />
        <YAxis
          width={64}
          scale={logY ? 'log' : 'linear'}
          domain={logY ? ['auto', 'auto'] : kind === 'score' ? [0, 100] : [0, 'auto']}
          allowDataOverflow={logY}
          tickFormatter={(v: number) => formatCompact(v)}
          label={{ value: `${entry.title} (${unit.unit})`, angle: -90, position: 'insideLeft', offset: 4, fill: theme.muted, style: { textAnchor: 'middle' } }}
          {...axisProps(theme)}
        />
        <Tooltip
          {...tooltipProps(theme)}
          labelFormatter={(x) => `${spec.label}: ${xText(Number(x))}`}
          formatter={(value, name) => [value === null || value === undefined ? 'unbounded' : unit.format(Number(value) * unit.factor), String(name)]}
        />
        <Line dataKey="value" name={entry.title} stroke={theme.primary} strokeWidth={2} dot={false} isAnimationActive={false} type="linear" connectNulls={false} />
        {baseline && (
          <Line dataKey="baseline" name={baseline.label} stroke={theme.baseline} strokeWidth={2} strokeDasharray={BASELINE_DASH} dot={false} isAnimationActive={false} type="linear" connectNulls={false} />
        )}
        <NowLine x={currentX} theme={theme} />
        {currentY !== null && !(logY && currentY <= 0) && (
          <MarkDot x={currentX} y={currentY / unit.factor} fill={theme.measured} stroke={theme.background} />
        )}
      </LineChart>
    </ChartFrame>
  );
});

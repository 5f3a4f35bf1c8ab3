import { memo, startTransition, useEffect, useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Metrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';
import { lagOutlook, lagSeries } from '../../charts/lag-series';
import { planSignature, type LagHistory } from '../../charts/lag-history';
import { formatCompact, timeUnitFor } from '../../charts/units';
import { formatDuration, formatNumber } from '../../lib/format';
import { startLagHistory, useLagHistoryStore } from '../../state/lag-history-store';
import { axisProps, BASELINE_DASH, tooltipProps, useChartTheme } from './chart-theme';
import { ChartFrame, type LegendItem } from './ChartFrame';
import type { BaselinePlan } from './baseline';

const HORIZONS = [
  { label: '1 minute', seconds: 60 },
  { label: '10 minutes', seconds: 600 },
  { label: '1 hour', seconds: 3600 },
  { label: '6 hours', seconds: 6 * 3600 },
  { label: '24 hours', seconds: 24 * 3600 },
] as const;
const DEFAULT_HORIZON = 6 * 3600;
const HEIGHT = 300;
const MAX_BACKLOG = 1e15;
const NO_POINTS: LagHistory['points'] = [];
const MEASURED_REDRAW_MS = 250;

interface Props {
  readonly config: PlanConfig;
  readonly metrics: Metrics;
  readonly baseline: BaselinePlan | null;
}

/** Only a run of this very plan counts (the simulation restarts when the plan changes). */
function pointsOfRun(history: LagHistory, signature: string): LagHistory['points'] {
  return history.runKey.endsWith(`|${signature}`) ? history.points : NO_POINTS;
}

/**
 * The simulation's measured lag of group 0, recorded while this chart is shown, handed to the
 * chart at most every MEASURED_REDRAW_MS: snapshots arrive 20 times a second, and each redraw
 * of the chart blocks the main thread for several milliseconds (Recharts renders synchronously).
 */
function useMeasuredLag(config: PlanConfig) {
  useEffect(() => startLagHistory(), []);
  const signature = useMemo(() => planSignature(config), [config]);
  const [points, setPoints] = useState(() => pointsOfRun(useLagHistoryStore.getState(), signature));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastPublished = performance.now();
    const publish = () => {
      timer = undefined;
      lastPublished = performance.now();
      const next = pointsOfRun(useLagHistoryStore.getState(), signature);
      startTransition(() => setPoints(next));
    };
    publish();
    const unsubscribe = useLagHistoryStore.subscribe(() => {
      timer ??= setTimeout(publish, Math.max(0, lastPublished + MEASURED_REDRAW_MS - performance.now()));
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [signature]);
  const ran = points.length >= 2 && (points[points.length - 1]?.timeMs ?? 0) > 0;
  return ran ? points : null;
}

function describeModel(who: string, growth: number, drainSeconds: number, backlog: number, horizonSeconds: number, endLag: number): string {
  if (growth > 0) {
    return `${who}: lag of one group grows by ${formatNumber(growth, 0)} events/s, reaching ${formatCompact(endLag)} events after ${formatDuration(horizonSeconds)}.`;
  }
  if (backlog > 0 && Number.isFinite(drainSeconds)) return `${who}: the backlog of ${formatCompact(backlog)} events drains in ${formatDuration(drainSeconds)}, then the lag stays at 0.`;
  if (backlog > 0) return `${who}: the group runs exactly at capacity; the backlog of ${formatCompact(backlog)} events stays.`;
  return `${who}: the group keeps up; lag stays at 0.`;
}

export const LagChart = memo(function LagChart({ config, metrics, baseline }: Props) {
  const theme = useChartTheme();
  const horizonId = useId();
  const backlogId = useId();
  const [horizonSeconds, setHorizonSeconds] = useState<number>(DEFAULT_HORIZON);
  const [backlogText, setBacklogText] = useState('0');
  const parsed = Number(backlogText);
  const backlogValid = backlogText.trim() !== '' && Number.isFinite(parsed) && parsed >= 0 && parsed <= MAX_BACKLOG;
  const backlog = backlogValid ? parsed : 0;
  const measured = useMeasuredLag(config);
  const unit = timeUnitFor(horizonSeconds);

  const rows = useMemo(
    () =>
      lagSeries({
        current: { config, load: metrics },
        baseline: baseline ? { config: baseline.config, load: baseline.metrics } : null,
        backlogEvents: backlog,
        horizonSeconds,
        unitSeconds: unit.seconds,
        measured: measured ?? [],
      }),
    [config, metrics, baseline, backlog, horizonSeconds, unit.seconds, measured],
  );

  const end = rows[rows.length - 1];
  const outlook = lagOutlook(config, metrics, backlog);
  const parts = [describeModel('Model', outlook.growthEventsPerSec, outlook.drainSeconds, backlog, horizonSeconds, end?.model ?? 0)];
  if (baseline) {
    const b = lagOutlook(baseline.config, baseline.metrics, backlog);
    parts.push(describeModel(baseline.label, b.growthEventsPerSec, b.drainSeconds, backlog, horizonSeconds, end?.baseline ?? 0));
  }
  if (measured) {
    const last = measured[measured.length - 1]!;
    parts.push(`Simulation: measured lag of group 0 is ${formatCompact(last.lag)} events after ${formatDuration(last.timeMs / 1000)} of simulated time.`);
  }
  const summary = parts.join(' ');

  const legend: LegendItem[] = [{ label: 'Model forecast (one group)', color: theme.primary, kind: 'line' }];
  if (baseline) legend.push({ label: `${baseline.label}: model forecast`, color: theme.baseline, kind: 'dashed' });
  if (measured) legend.push({ label: 'Simulation, measured (group 0)', color: theme.measured, kind: 'line' });

  const controls = (
    <>
      <div className="flex flex-col">
        <label htmlFor={horizonId} className="text-xs text-slate-600 dark:text-slate-300">Horizon</label>
        <select
          id={horizonId}
          value={horizonSeconds}
          onChange={(event) => setHorizonSeconds(Number(event.target.value))}
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
        >
          {HORIZONS.map((h) => (
            <option key={h.seconds} value={h.seconds}>
              {h.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor={backlogId} className="text-xs text-slate-600 dark:text-slate-300">Current backlog (events)</label>
        <input
          id={backlogId}
          type="number"
          min={0}
          max={MAX_BACKLOG}
          step="any"
          inputMode="numeric"
          value={backlogText}
          onChange={(event) => setBacklogText(event.target.value)}
          aria-invalid={!backlogValid}
          aria-describedby={backlogValid ? undefined : `${backlogId}-note`}
          className="w-40 rounded border border-slate-300 bg-white px-2 py-1 text-right tabular-nums dark:border-slate-600 dark:bg-slate-800"
        />
      </div>
      {!backlogValid && (
        <p id={`${backlogId}-note`} role="status" className="text-xs text-amber-700 dark:text-amber-300">
          The backlog must be a number from 0 to 10^15; 0 is used.
        </p>
      )}
    </>
  );

  return (
    <ChartFrame name="lag" title="Consumer lag over time" summary={summary} legend={legend} height={HEIGHT} controls={controls}>
      <LineChart data={rows} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={theme.grid} />
        <XAxis
          dataKey="x"
          type="number"
          domain={[0, horizonSeconds / unit.seconds]}
          tickFormatter={(v: number) => formatCompact(v)}
          label={{ value: `Time from now (${unit.label})`, position: 'insideBottom', offset: -16, fill: theme.muted }}
          {...axisProps(theme)}
        />
        <YAxis
          width={64}
          tickFormatter={(v: number) => formatCompact(v)}
          label={{ value: 'Lag (events)', angle: -90, position: 'insideLeft', offset: 4, fill: theme.muted, style: { textAnchor: 'middle' } }}
          {...axisProps(theme)}
        />
        <Tooltip
          {...tooltipProps(theme)}
          labelFormatter={(x) => `${formatNumber(Number(x), 2)} ${unit.label} from now`}
          formatter={(value, name) => [`${formatNumber(Number(value), 0)} events`, name]}
        />
        <Line dataKey="model" name="Model forecast (one group)" stroke={theme.primary} strokeWidth={2} dot={false} isAnimationActive={false} type="linear" connectNulls />
        {baseline && (
          <Line dataKey="baseline" name="Baseline" stroke={theme.baseline} strokeWidth={2} strokeDasharray={BASELINE_DASH} dot={false} isAnimationActive={false} type="linear" connectNulls />
        )}
        {measured && (
          <Line dataKey="measured" name="Simulation, measured (group 0)" stroke={theme.measured} strokeWidth={2} dot={false} isAnimationActive={false} type="linear" connectNulls />
        )}
      </LineChart>
    </ChartFrame>
  );
});

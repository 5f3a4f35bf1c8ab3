import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Metrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';
import { trafficBars, type TrafficBars } from '../../charts/traffic-series';
import { formatCompact } from '../../charts/units';
import { formatNumber } from '../../lib/format';
import type { BaselinePlan } from './baseline';
import { axisProps, BASELINE_DASH, tooltipProps, useChartTheme } from './chart-theme';
import { ChartFrame, type LegendItem } from './ChartFrame';

const HEIGHT = 280;
const MIBS = 'MiB/s';

interface Props {
  readonly config: PlanConfig;
  readonly metrics: Metrics;
  readonly baseline: BaselinePlan | null;
}

const mibps = (value: number) => `${formatNumber(value, 1)} ${MIBS}`;

function summaryOf(bars: TrafficBars, config: PlanConfig, baseline: BaselinePlan | null): string {
  const [ingress, replication, egress] = bars.cluster;
  const [netIn, netOut, disk] = bars.broker;
  const counted = bars.brokersDown !== null && bars.brokersDown >= 1 ? 'down' : 'all';
  const per = (bar: typeof netIn) => mibps(counted === 'down' ? (bar?.down ?? 0) : (bar?.all ?? 0));
  const over = bars.overLimit.length > 0 ? `Over the limit: ${bars.overLimit.join(', ').toLowerCase()}.` : 'Every broker stays under its limits.';
  const who =
    bars.brokersDown === null
      ? `busiest broker with all ${config.brokers} up`
      : bars.brokersDown >= 1
        ? `busiest broker after ${config.plannedFailure >= 2 ? 'one zone' : 'one broker'} down (${bars.brokersDown} of ${config.brokers} left)`
        : 'busiest broker: the planned failure leaves no broker';
  const base = baseline ? ` ${baseline.label}: ingress ${mibps(baseline.metrics.ingressBytesPerSec / 1024 ** 2)}.` : '';
  return (
    `Cluster: ingress ${mibps(ingress?.value ?? 0)}, replication ${mibps(replication?.value ?? 0)}, egress ${mibps(egress?.value ?? 0)}. ` +
    `${who[0]!.toUpperCase()}${who.slice(1)}: network in ${per(netIn)}, out ${per(netOut)}, disk reads + writes ${per(disk)}; ` +
    `limits (× ${formatNumber(config.brokerUtilization, 2)} utilization) ${mibps(bars.networkLimit)} network each way, ${mibps(bars.diskLimit)} storage throughput. ${over}${base}`
  );
}

export const TrafficChart = memo(function TrafficChart({ config, metrics, baseline }: Props) {
  const theme = useChartTheme();
  const bars = useMemo(
    () => trafficBars({ config, traffic: metrics }, baseline ? { config: baseline.config, traffic: baseline.metrics } : null),
    [config, metrics, baseline],
  );
  const B = config.brokers;
  const downLabel = bars.brokersDown !== null && bars.brokersDown >= 1 ? `after ${config.plannedFailure >= 2 ? 'one zone' : 'one broker'} down` : null;
  const legend: LegendItem[] = [
    { label: 'Cluster total', color: theme.tertiary, kind: 'bar' },
    { label: `Busiest broker, all ${B} up`, color: theme.primary, kind: 'bar' },
  ];
  if (downLabel) legend.push({ label: `Busiest broker, ${downLabel}`, color: theme.secondary, kind: 'bar' });
  if (baseline) legend.push({ label: baseline.label, color: theme.baseline, kind: 'dashed' });
  legend.push({ label: `Network limit per broker, each direction: ${mibps(bars.networkLimit)}`, color: theme.limit, kind: 'limit' });
  legend.push({ label: `Storage throughput limit per broker (reads + writes): ${mibps(bars.diskLimit)}`, color: theme.limitAlt, kind: 'limit' });

  const tooltipFormatter = (value: unknown, name: unknown, item: { payload?: { limit?: number } }) => {
    const v = Number(value);
    const limit = item.payload?.limit;
    const share = limit ? ` (${formatNumber((100 * v) / limit, 0)} % of the ${formatNumber(limit, 0)} ${MIBS} limit)` : '';
    return [`${mibps(v)}${share}`, String(name)] as [string, string];
  };
  const baselineBar = (
    <Bar dataKey="baseline" name={baseline?.label ?? 'Baseline'} fill={theme.baseline} fillOpacity={0.25} stroke={theme.baseline} strokeDasharray={BASELINE_DASH} isAnimationActive={false} />
  );
  const yLabel = { value: `Throughput (${MIBS})`, angle: -90, position: 'insideLeft', offset: 4, fill: theme.muted, style: { textAnchor: 'middle' } } as const;

  return (
    <ChartFrame name="traffic" title="Traffic per cluster and per broker" summary={summaryOf(bars, config, baseline)} legend={legend} height={HEIGHT}>
      <div className="grid h-full grid-cols-1 gap-2 sm:grid-cols-[2fr_3fr]">
        <div className="h-full min-w-0">
          <BarChart data={bars.cluster as unknown as object[]} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 20, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <text x="50%" y={12} textAnchor="middle" fill={theme.text} fontSize={12} fontWeight={600}>
              Per cluster
            </text>
            <CartesianGrid stroke={theme.grid} vertical={false} />
            <XAxis dataKey="name" {...axisProps(theme)} label={{ value: 'Flow', position: 'insideBottom', offset: -16, fill: theme.muted }} />
            <YAxis width={64} tickFormatter={(v: number) => formatCompact(v)} label={yLabel} {...axisProps(theme)} />
            <Tooltip {...tooltipProps(theme)} cursor={{ fill: theme.grid, fillOpacity: 0.4 }} formatter={(v, n) => [mibps(Number(v)), String(n)]} />
            <Bar dataKey="value" name="Cluster total" fill={theme.tertiary} isAnimationActive={false} />
            {baseline && baselineBar}
          </BarChart>
        </div>
        <div className="h-full min-w-0">
          <BarChart data={bars.broker as unknown as object[]} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 20, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <text x="50%" y={12} textAnchor="middle" fill={theme.text} fontSize={12} fontWeight={600}>
              Per broker, against its limits
            </text>
            <CartesianGrid stroke={theme.grid} vertical={false} />
            <XAxis dataKey="name" {...axisProps(theme)} label={{ value: 'Load on one broker', position: 'insideBottom', offset: -16, fill: theme.muted }} />
            <YAxis width={64} tickFormatter={(v: number) => formatCompact(v)} label={yLabel} {...axisProps(theme)} />
            <Tooltip {...tooltipProps(theme)} cursor={{ fill: theme.grid, fillOpacity: 0.4 }} formatter={tooltipFormatter} />
            <Bar dataKey="all" name={`All ${B} brokers`} fill={theme.primary} isAnimationActive={false} />
            {downLabel && <Bar dataKey="down" name={downLabel} fill={theme.secondary} isAnimationActive={false} />}
            {baseline && baselineBar}
            <ReferenceLine
              y={bars.networkLimit}
              stroke={theme.limit}
              strokeWidth={2}
              strokeDasharray="2 3"
              ifOverflow="extendDomain"
            />
            <ReferenceLine
              y={bars.diskLimit}
              stroke={theme.limitAlt}
              strokeWidth={2}
              strokeDasharray="2 3"
              ifOverflow="extendDomain"
            />
          </BarChart>
        </div>
      </div>
    </ChartFrame>
  );
});

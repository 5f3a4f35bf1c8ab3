import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClusterPlan } from '../../engine/cluster-plan';
import type { ClusterMetrics } from '../../engine/compute-metrics';
import { trafficBars, type BrokerBar, type TrafficBars } from '../../charts/traffic-series';
import { shareWords } from '../../charts/topic-groups';
import { formatCompact, MIB } from '../../charts/units';
import { formatNumber } from '../../lib/format';
import { axisProps, BASELINE_DASH, tooltipProps, topicColor, useChartTheme, type ChartTheme } from './chart-theme';
import { ChartFrame, type LegendItem } from './ChartFrame';
import type { ClusterBaseline } from './cluster-baseline';
import { LimitLine } from './ReferenceMarks';

const HEIGHT = 280;
const MIBS = 'MiB/s';

interface Props {
  readonly plan: ClusterPlan;
  readonly metrics: ClusterMetrics;
  readonly baseline: ClusterBaseline | null;
}

const mibps = (value: number) => `${formatNumber(value, 1)} ${MIBS}`;
const percent = (part: number, whole: number) => `${formatNumber(whole > 0 ? (100 * part) / whole : 0, 0)} %`;

function failureWords(plan: ClusterPlan): string {
  return plan.cluster.plannedFailure >= 2 ? 'one zone' : 'one broker';
}


function clusterWords(bars: TrafficBars, plan: ClusterPlan): string {
  const [netIn, netOut, disk] = bars.cluster;
  const sum = (key: 'ingressBytesPerSec' | 'replicationBytesPerSec' | 'egressBytesPerSec') => bars.flows.reduce((total, f) => total + f[key], 0) / MIB;
  const counted = bars.brokersDown === null ? `all ${bars.brokers} brokers` : `the ${bars.brokersCounted} brokers left after ${failureWords(plan)} down`;
  const shares = bars.groups.length > 1 && netOut ? ` By topic (network out): ${shareWords(bars.groups, netOut, netOut.total)}.` : '';
  const over = bars.clusterOverLimit.length > 0 ? ` All brokers together are over: ${bars.clusterOverLimit.join(', ').toLowerCase()} (no placement fits).` : '';
  return (
    `Cluster, ${plan.topics.length === 1 ? "at the topic's peak" : 'every topic at its peak at once'}: producers write ${mibps(sum('ingressBytesPerSec'))}, followers fetch ${mibps(sum('replicationBytesPerSec'))}, groups read ${mibps(sum('egressBytesPerSec'))}; ` +
    `all brokers together carry network in ${mibps(netIn?.total ?? 0)}, out ${mibps(netOut?.total ?? 0)}, disk reads + writes ${mibps(disk?.total ?? 0)}, ` +
    `against the limits × ${counted}: ${mibps(bars.clusterNetworkLimit)} network each way, ${mibps(bars.clusterDiskLimit)} storage throughput.${shares}${over}`
  );
}

function brokerWords(bars: TrafficBars, plan: ClusterPlan): string {
  const [netIn, netOut, disk] = bars.broker;
  const afterFailure = bars.brokersDown !== null && bars.brokersDown >= 1;
  const per = (bar: BrokerBar | undefined) => mibps(afterFailure ? (bar?.down ?? 0) : (bar?.all ?? 0));
  const who =
    bars.brokersDown === null
      ? `Busiest broker with all ${bars.brokers} up`
      : afterFailure
        ? `Busiest broker after ${failureWords(plan)} down (${bars.brokersDown} of ${bars.brokers} left)`
        : 'Busiest broker: the planned failure leaves no broker';
  const over = bars.overLimit.length > 0 ? `Over the limit: ${bars.overLimit.join(', ').toLowerCase()}.` : 'Every broker stays under its limits.';
  return (
    `${who}: network in ${per(netIn)}, out ${per(netOut)}, disk reads + writes ${per(disk)}; ` +
    `limits a broker (× ${formatNumber(plan.cluster.brokerUtilization, 2)} utilization) ${mibps(bars.networkLimit)} network each way, ${mibps(bars.diskLimit)} storage throughput. ${over}`
  );
}

function summaryOf(bars: TrafficBars, plan: ClusterPlan, baseline: ClusterBaseline | null): string {
  const base = baseline ? ` ${baseline.label}: network in ${mibps(bars.cluster[0]?.baseline ?? 0)} on all its brokers.` : '';
  return `${clusterWords(bars, plan)} ${brokerWords(bars, plan)}${base}`;
}

function legendOf(bars: TrafficBars, theme: ChartTheme, plan: ClusterPlan, baseline: ClusterBaseline | null): LegendItem[] {
  const topics: LegendItem[] =
    bars.groups.length === 1
      ? [{ label: 'Cluster total', color: topicColor(theme, bars.groups[0]?.colorSlot ?? 0), kind: 'bar' }]
      : bars.groups.map((g) => ({ label: g.label, color: topicColor(theme, g.colorSlot), kind: 'bar' }));
  const legend: LegendItem[] = [...topics, { label: `Busiest broker, all ${bars.brokers} up`, color: theme.primary, kind: 'bar' }];
  if (bars.brokersDown !== null && bars.brokersDown >= 1) legend.push({ label: `Busiest broker, after ${failureWords(plan)} down`, color: theme.secondary, kind: 'bar' });
  if (baseline) legend.push({ label: baseline.label, color: theme.baseline, kind: 'dashed' });
  const brokersWord = `${bars.brokersCounted} broker${bars.brokersCounted === 1 ? '' : 's'}`;
  legend.push({ label: `Network limit each way: ${mibps(bars.networkLimit)} a broker, ${mibps(bars.clusterNetworkLimit)} for ${brokersWord}`, color: theme.limit, kind: 'limit' });
  legend.push({ label: `Storage throughput limit (reads + writes): ${mibps(bars.diskLimit)} a broker, ${mibps(bars.clusterDiskLimit)} for ${brokersWord}`, color: theme.limitAlt, kind: 'limit' });
  return legend;
}

/** A cluster bar's label in the tooltip: its total against the cluster's limit. */
function totalAgainstLimit(label: unknown, payload: readonly { payload?: { total?: number; limit?: number } }[] | undefined): string {
  const row = payload?.[0]?.payload;
  if (row?.total === undefined || row.limit === undefined) return String(label);
  return `${String(label)}: ${mibps(row.total)} of the ${mibps(row.limit)} limit (${percent(row.total, row.limit)})`;
}

/** A busiest-broker bar in the tooltip: its value and its share of the broker's limit. */
function againstBrokerLimit(value: unknown, name: unknown, item: { payload?: { limit?: number } }): [string, string] {
  const v = Number(value);
  const limit = item.payload?.limit;
  const share = limit ? ` (${percent(v, limit)} of the ${mibps(limit)} limit)` : '';
  return [`${mibps(v)}${share}`, String(name)];
}

function LimitLines({ network, disk, theme }: { network: number; disk: number; theme: ChartTheme }) {
  return (
    <>
      <LimitLine y={network} color={theme.limit} theme={theme} />
      <LimitLine y={disk} color={theme.limitAlt} theme={theme} />
    </>
  );
}

export const TrafficChart = memo(function TrafficChart({ plan, metrics, baseline }: Props) {
  const theme = useChartTheme();
  const bars = useMemo(
    () => trafficBars({ plan, metrics }, baseline ? { plan: baseline.plan, metrics: baseline.clusterMetrics } : null),
    [plan, metrics, baseline],
  );
  const B = bars.brokers;
  const downLabel = bars.brokersDown !== null && bars.brokersDown >= 1 ? `after ${failureWords(plan)} down` : null;
  const stacked = bars.groups.length > 1;
  const baselineBar = (
    <Bar dataKey="baseline" name={baseline?.label ?? 'Baseline'} fill={theme.baseline} fillOpacity={0.25} stroke={theme.baseline} strokeDasharray={BASELINE_DASH} isAnimationActive={false} />
  );
  const yLabel = { value: `Throughput (${MIBS})`, angle: -90, position: 'insideLeft', offset: 4, fill: theme.muted, style: { textAnchor: 'middle' } } as const;
  const cursor = { fill: theme.grid, fillOpacity: 0.4 };

  return (
    <ChartFrame name="traffic" title="Traffic on the cluster and its busiest broker" summary={summaryOf(bars, plan, baseline)} legend={legendOf(bars, theme, plan, baseline)} height={HEIGHT} twoPanels>
      <div className="grid h-full grid-cols-1 gap-2 sm:grid-cols-2">
        <div className="h-full min-w-0">
          <BarChart data={bars.cluster as unknown as object[]} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 20, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <text x="50%" y={12} textAnchor="middle" fill={theme.text} fontSize={12} fontWeight={600}>
              All brokers together
            </text>
            <CartesianGrid stroke={theme.grid} vertical={false} />
            <XAxis dataKey="name" {...axisProps(theme)} label={{ value: `Sum over all ${B} brokers, at peak`, position: 'insideBottom', offset: -16, fill: theme.muted }} />
            <YAxis width={64} tickFormatter={(v: number) => formatCompact(v)} label={yLabel} {...axisProps(theme)} />
            <Tooltip {...tooltipProps(theme)} cursor={cursor} formatter={(v, n) => [mibps(Number(v)), String(n)]} labelFormatter={totalAgainstLimit} />
            {bars.groups.map((g) => (
              <Bar
                key={g.key}
                dataKey={g.key}
                stackId="topics"
                name={stacked ? g.label : 'Cluster total'}
                fill={topicColor(theme, g.colorSlot)}
                // A thin gap in the background colour between stacked topics keeps neighbours apart.
                stroke={stacked ? theme.background : 'none'}
                strokeWidth={stacked ? 1 : 0}
                isAnimationActive={false}
              />
            ))}
            {baseline && baselineBar}
            <LimitLines network={bars.clusterNetworkLimit} disk={bars.clusterDiskLimit} theme={theme} />
          </BarChart>
        </div>
        <div className="h-full min-w-0">
          <BarChart data={bars.broker as unknown as object[]} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 20, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <text x="50%" y={12} textAnchor="middle" fill={theme.text} fontSize={12} fontWeight={600}>
              Busiest broker, against its limits
            </text>
            <CartesianGrid stroke={theme.grid} vertical={false} />
            <XAxis dataKey="name" {...axisProps(theme)} label={{ value: 'Load on one broker', position: 'insideBottom', offset: -16, fill: theme.muted }} />
            <YAxis width={64} tickFormatter={(v: number) => formatCompact(v)} label={yLabel} {...axisProps(theme)} />
            <Tooltip {...tooltipProps(theme)} cursor={cursor} formatter={againstBrokerLimit} />
            <Bar dataKey="all" name={`All ${B} brokers`} fill={theme.primary} isAnimationActive={false} />
            {downLabel && <Bar dataKey="down" name={downLabel} fill={theme.secondary} isAnimationActive={false} />}
            {baseline && baselineBar}
            <LimitLines network={bars.networkLimit} disk={bars.diskLimit} theme={theme} />
          </BarChart>
        </div>
      </div>
    </ChartFrame>
  );
});

import { memo, useMemo, type ReactNode } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClusterPlan } from '../../engine/cluster-plan';
import type { ClusterMetrics } from '../../engine/compute-metrics';
import { storageSeries, type StorageRow, type StorageSeries } from '../../charts/storage-series';
import { shareWords, type TopicGroup } from '../../charts/topic-groups';
import { bytesPerUnit, formatCompact } from '../../charts/units';
import { formatBytes, formatNumber, type BinaryUnit } from '../../lib/format';
import { axisProps, BASELINE_DASH, tooltipProps, topicColor, useChartTheme, type ChartTheme } from './chart-theme';
import { ChartFrame, type LegendItem } from './ChartFrame';
import type { ClusterBaseline } from './cluster-baseline';
import { LimitLine, MarkDot } from './ReferenceMarks';

const HEIGHT = 280;

interface Props {
  readonly plan: ClusterPlan;
  readonly metrics: ClusterMetrics;
  readonly baseline: ClusterBaseline | null;
}

/** Tooltip text from a value in the panel's unit: back to bytes, then the app's binary text. */
const inUnit = (unit: BinaryUnit) => (value: unknown, name: unknown) => [formatBytes(Number(value) * bytesPerUnit(unit)), String(name)] as [string, string];
const percent = (part: number, whole: number) => `${formatNumber(whole > 0 ? (100 * part) / whole : 0, 0)} %`;

/** The label a one-topic plan gives its single series: today's "All R copies". */
function singleLabel(plan: ClusterPlan): string {
  return `All ${plan.topics[0]?.replicationFactor ?? 1} copies`;
}


function summaryOf(series: StorageSeries, plan: ClusterPlan, metrics: ClusterMetrics, baseline: ClusterBaseline | null): string {
  const B = series.brokers;
  const cu = bytesPerUnit(series.clusterUnit);
  const bu = bytesPerUnit(series.brokerUnit);
  const last = series.cluster[series.cluster.length - 1];
  const retained = metrics.storageReplicatedBytes;
  const logical = metrics.topics.reduce((sum, m) => sum + m.storageLogicalBytes, 0);
  const clusterLimit = series.clusterLimit * cu;
  const brokerLimit = series.brokerLimit * bu;
  const fullest = series.fullestDisk * bu;
  const who = plan.topics.length === 1 ? `After ${formatNumber(series.maxHours, 1)} h of retention the log holds` : `After the longest retention (${formatNumber(series.maxHours, 1)} h) the ${plan.topics.length} topics hold`;
  const shares = plan.topics.length > 1 && last ? ` (${shareWords(series.groups, last, last.total)})` : '';
  const copies = plan.topics.length === 1 ? `with ${plan.topics[0]?.replicationFactor ?? 1} copies` : 'with every copy';
  return (
    `${who} ${formatBytes(logical)} (one copy), ${formatBytes(retained)} ${copies}${shares}: ` +
    `${percent(retained, clusterLimit)} of the ${formatBytes(clusterLimit)} usable on all ${B} brokers (${formatNumber(plan.cluster.diskPerBrokerGiB, 0)} GiB × ${formatNumber(plan.cluster.targetDiskFill, 2)} each; a failure moves no replicas, so every broker's disk counts). ` +
    `That is ${formatBytes(retained / B)} per broker on average; the fullest disk, with open segments and indexes, holds ${formatBytes(fullest)} against ${formatBytes(brokerLimit)} usable: ` +
    `${fullest <= brokerLimit ? 'it fits' : 'it does not fit'}.` +
    (baseline ? ` ${baseline.label}: ${formatBytes(baseline.clusterMetrics.storageReplicatedBytes)} with every copy.` : '')
  );
}

function legendOf(series: StorageSeries, theme: ChartTheme, plan: ClusterPlan, baseline: ClusterBaseline | null): LegendItem[] {
  const topics: LegendItem[] =
    series.groups.length === 1
      ? [{ label: singleLabel(plan), color: topicColor(theme, series.groups[0]?.colorSlot ?? 0), kind: 'bar' }]
      : series.groups.map((g) => ({ label: g.label, color: topicColor(theme, g.colorSlot), kind: 'bar' }));
  const legend: LegendItem[] = [...topics, { label: 'Fullest broker at full retention (with open segments and indexes)', color: theme.text, kind: 'dot' }];
  if (baseline) legend.push({ label: baseline.label, color: theme.baseline, kind: 'dashed' });
  const brokerLimit = formatBytes(series.brokerLimit * bytesPerUnit(series.brokerUnit));
  const clusterLimit = formatBytes(series.clusterLimit * bytesPerUnit(series.clusterUnit));
  legend.push({ label: `Usable disk (disk × target fill): ${brokerLimit} a broker, ${clusterLimit} for all ${series.brokers}`, color: theme.limit, kind: 'limit' });
  return legend;
}

interface PanelProps {
  readonly title: string;
  readonly rows: readonly StorageRow[];
  readonly unit: BinaryUnit;
  readonly limit: number;
  readonly series: StorageSeries;
  readonly seriesName: (group: TopicGroup) => string;
  readonly baselineName: string | null;
  readonly theme: ChartTheme;
  readonly children?: ReactNode;
}

/** One panel: the topics stacked as areas, the baseline's total dashed, the limit dotted. */
function StoragePanel({ title, rows, unit, limit, series, seriesName, baselineName, theme, children }: PanelProps) {
  const stacked = series.groups.length > 1;
  const hours = (x: unknown) => `${formatNumber(Number(x), 1)} h since writing started`;
  const yLabel = { value: `Storage (${unit})`, angle: -90, position: 'insideLeft', offset: 4, fill: theme.muted, style: { textAnchor: 'middle' } } as const;
  return (
    <ComposedChart data={rows as unknown as object[]} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 20, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
      <text x="50%" y={12} textAnchor="middle" fill={theme.text} fontSize={12} fontWeight={600}>
        {title}
      </text>
      <CartesianGrid stroke={theme.grid} />
      <XAxis
        dataKey="x"
        type="number"
        domain={[0, series.maxHours]}
        tickFormatter={(v: number) => formatCompact(v)}
        label={{ value: 'Hours since writing started (h)', position: 'insideBottom', offset: -16, fill: theme.muted }}
        {...axisProps(theme)}
      />
      <YAxis width={64} tickFormatter={(v: number) => formatCompact(v)} label={yLabel} {...axisProps(theme)} />
      <Tooltip {...tooltipProps(theme)} labelFormatter={hours} formatter={inUnit(unit)} />
      {series.groups.map((g) => (
        <Area
          key={g.key}
          dataKey={g.key}
          stackId="topics"
          name={seriesName(g)}
          type="linear"
          fill={topicColor(theme, g.colorSlot)}
          fillOpacity={stacked ? 0.85 : 0.6}
          // Stacked, a thin line in the background colour keeps neighbours apart; alone, the area's own edge.
          stroke={stacked ? theme.background : topicColor(theme, g.colorSlot)}
          strokeWidth={stacked ? 1 : 2}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      ))}
      {baselineName && <Line dataKey="baseline" name={baselineName} stroke={theme.baseline} strokeDasharray={BASELINE_DASH} dot={false} type="linear" strokeWidth={2} isAnimationActive={false} />}
      <LimitLine y={limit} color={theme.limit} theme={theme} />
      {children}
    </ComposedChart>
  );
}

export const StorageChart = memo(function StorageChart({ plan, metrics, baseline }: Props) {
  const theme = useChartTheme();
  const series = useMemo(
    () => storageSeries({ plan, metrics }, baseline ? { plan: baseline.plan, metrics: baseline.clusterMetrics } : null),
    [plan, metrics, baseline],
  );
  const single = series.groups.length === 1;
  const name = (suffix: string) => (g: TopicGroup) => (single ? `${singleLabel(plan)}${suffix}` : g.label);
  return (
    <ChartFrame name="storage" title="Storage over the retention window" summary={summaryOf(series, plan, metrics, baseline)} legend={legendOf(series, theme, plan, baseline)} height={HEIGHT} twoPanels>
      <div className="grid h-full grid-cols-1 gap-2 sm:grid-cols-2">
        <div className="h-full min-w-0">
          <StoragePanel
            title={`Cluster, against all ${series.brokers} disks`}
            rows={series.cluster}
            unit={series.clusterUnit}
            limit={series.clusterLimit}
            series={series}
            seriesName={name('')}
            baselineName={baseline ? `${baseline.label}: all copies` : null}
            theme={theme}
          />
        </div>
        <div className="h-full min-w-0">
          <StoragePanel
            title="Per broker, against its disk"
            rows={series.broker}
            unit={series.brokerUnit}
            limit={series.brokerLimit}
            series={series}
            seriesName={name(', average broker')}
            baselineName={baseline ? `${baseline.label}: per broker` : null}
            theme={theme}
          >
            <MarkDot x={series.maxHours} y={series.fullestDisk} fill={theme.text} stroke={theme.background} strokeWidth={2} />
          </StoragePanel>
        </div>
      </div>
    </ChartFrame>
  );
});

import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Metrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';
import { storageSeries } from '../../charts/storage-series';
import { bytesPerUnit, formatCompact } from '../../charts/units';
import { formatBytes, formatNumber, type BinaryUnit } from '../../lib/format';
import type { BaselinePlan } from './baseline';
import { axisProps, BASELINE_DASH, tooltipProps, useChartTheme } from './chart-theme';
import { ChartFrame, type LegendItem } from './ChartFrame';

const HEIGHT = 280;

interface Props {
  readonly config: PlanConfig;
  readonly metrics: Metrics;
  readonly baseline: BaselinePlan | null;
}

/** Tooltip text from a value in the panel's unit: back to bytes, then the app's binary text. */
const inUnit = (unit: BinaryUnit) => (value: unknown, name: unknown) => [formatBytes(Number(value) * bytesPerUnit(unit)), String(name)] as [string, string];

export const StorageChart = memo(function StorageChart({ config, metrics, baseline }: Props) {
  const theme = useChartTheme();
  const series = useMemo(
    () => storageSeries({ config, traffic: metrics }, baseline ? { config: baseline.config, traffic: baseline.metrics } : null),
    [config, metrics, baseline],
  );
  const B = config.brokers;
  const limitBytes = series.brokerLimit * bytesPerUnit(series.brokerUnit);
  const fullest = metrics.brokerLoad.busiest.storageOnDiskBytes;
  const fits = fullest <= limitBytes;

  const legend: LegendItem[] = [
    { label: 'One copy (logical)', color: theme.tertiary, kind: 'line' },
    { label: `All ${config.replicationFactor} copies`, color: theme.secondary, kind: 'line' },
    { label: `Per broker, all ${B}`, color: theme.primary, kind: 'line' },
  ];
  if (baseline) legend.push({ label: baseline.label, color: theme.baseline, kind: 'dashed' });
  legend.push({ label: `Broker disk × target fill: ${formatBytes(limitBytes)}`, color: theme.limit, kind: 'limit' });

  const summary =
    `After ${formatNumber(config.retentionHours, 1)} h of retention the log holds ${formatBytes(metrics.storageLogicalBytes)} (one copy), ` +
    `${formatBytes(metrics.storageReplicatedBytes)} with ${config.replicationFactor} copies: ` +
    `${formatBytes(metrics.brokerStorageBytes)} per broker on average; the fullest disk, with open segments and indexes, holds ${formatBytes(fullest)} ` +
    `against ${formatBytes(limitBytes)} usable (${formatNumber(config.diskPerBrokerGiB, 0)} GiB × ${formatNumber(config.targetDiskFill, 2)}): ` +
    `${fits ? 'it fits' : 'it does not fit'}.` +
    (baseline ? ` ${baseline.label}: ${formatBytes(baseline.metrics.storageReplicatedBytes)} with every copy.` : '');

  const xAxis = (
    <XAxis
      dataKey="x"
      type="number"
      domain={[0, series.maxHours]}
      tickFormatter={(v: number) => formatCompact(v)}
      label={{ value: 'Hours since writing started (h)', position: 'insideBottom', offset: -16, fill: theme.muted }}
      {...axisProps(theme)}
    />
  );
  const yLabel = (unit: BinaryUnit) => ({ value: `Storage (${unit})`, angle: -90, position: 'insideLeft', offset: 4, fill: theme.muted, style: { textAnchor: 'middle' } }) as const;
  const line = { dot: false, isAnimationActive: false, type: 'linear', strokeWidth: 2 } as const;
  const hours = (x: unknown) => `${formatNumber(Number(x), 1)} h since writing started`;

  return (
    <ChartFrame name="storage" title="Storage over the retention window" summary={summary} legend={legend} height={HEIGHT}>
      <div className="grid h-full grid-cols-1 gap-2 sm:grid-cols-2">
        <div className="h-full min-w-0">
          <LineChart data={series.cluster as unknown as object[]} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 20, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <text x="50%" y={12} textAnchor="middle" fill={theme.text} fontSize={12} fontWeight={600}>
              Cluster
            </text>
            <CartesianGrid stroke={theme.grid} />
            {xAxis}
            <YAxis width={64} tickFormatter={(v: number) => formatCompact(v)} label={yLabel(series.clusterUnit)} {...axisProps(theme)} />
            <Tooltip {...tooltipProps(theme)} labelFormatter={hours} formatter={inUnit(series.clusterUnit)} />
            <Line dataKey="logical" name="One copy (logical)" stroke={theme.tertiary} {...line} />
            <Line dataKey="replicated" name={`All ${config.replicationFactor} copies`} stroke={theme.secondary} {...line} />
            {baseline && <Line dataKey="baselineLogical" name={`${baseline.label}: one copy`} stroke={theme.baseline} strokeDasharray={BASELINE_DASH} {...line} />}
            {baseline && <Line dataKey="baselineReplicated" name={`${baseline.label}: all copies`} stroke={theme.baseline} strokeDasharray={BASELINE_DASH} {...line} />}
          </LineChart>
        </div>
        <div className="h-full min-w-0">
          <LineChart data={series.broker as unknown as object[]} responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 20, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <text x="50%" y={12} textAnchor="middle" fill={theme.text} fontSize={12} fontWeight={600}>
              Per broker, against its disk
            </text>
            <CartesianGrid stroke={theme.grid} />
            {xAxis}
            <YAxis width={64} tickFormatter={(v: number) => formatCompact(v)} label={yLabel(series.brokerUnit)} {...axisProps(theme)} />
            <Tooltip {...tooltipProps(theme)} labelFormatter={hours} formatter={inUnit(series.brokerUnit)} />
            <Line dataKey="perBroker" name={`All ${B} brokers`} stroke={theme.primary} {...line} />
            {baseline && <Line dataKey="baselinePerBroker" name={`${baseline.label}: per broker`} stroke={theme.baseline} strokeDasharray={BASELINE_DASH} {...line} />}
            <ReferenceLine
              y={series.brokerLimit}
              stroke={theme.limit}
              strokeWidth={2}
              strokeDasharray="2 3"
              ifOverflow="extendDomain"
            />
          </LineChart>
        </div>
      </div>
    </ChartFrame>
  );
});

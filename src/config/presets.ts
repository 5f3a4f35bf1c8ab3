import { clusterOf, topicOf, type ClusterPlan } from '../engine/cluster-plan';
import type { HealthFactorId } from '../engine/health';
import type { PlanConfig } from '../engine/plan-config';
import { brokerTypeById, brokerTypeValues } from './broker-types';
import { defaultMinInsyncReplicas, defaultZones } from './plan-repair';
import { DEFAULT_CONFIG, PARAMS, type ParamName } from './schema';

/**
 * Named scenarios that load in one click. Each is a full, valid config (a unit test runs every
 * preset through the schema) plus the assumptions it rests on, in words and arithmetic, so a
 * person can see which numbers are facts from the source and which are our estimates.
 * docs/scenarios.md carries the same text.
 *
 * Every preset sizes ONE topic: a real company spreads its traffic over many topics and
 * clusters. Rates are the daily average times a stated peak factor, because a topic must hold
 * its peak; storage is then sized at the peak rate too, which overstates it by that factor.
 */
export interface Preset {
  /** Stable id: data-testid="preset-<id>" and docs anchors. */
  readonly id: string;
  readonly name: string;
  /** One line: what the workload is. */
  readonly summary: string;
  /** The stated assumptions, with the arithmetic behind each number. */
  readonly assumptions: readonly string[];
  /** Where the figures come from. */
  readonly sources: readonly string[];
  readonly config: PlanConfig;
}

const SEED_PAGE = 'Seed page "Event-Driven Architecture", section "Real-World Examples" (shared/seed)';
const HOUSE_ESTIMATE = 'Our estimate: a typical workload of this kind, not a measured one';

/** A full config from URL-named values; every other input keeps its default (min ISR and zones by their rules). */
function configOf(values: Partial<Record<ParamName, number>>): PlanConfig {
  const config: Record<string, number> = { ...DEFAULT_CONFIG };
  for (const spec of PARAMS) {
    const value = values[spec.name];
    if (value !== undefined) config[spec.field] = value;
  }
  if (values.minIsr === undefined) config.minInsyncReplicas = defaultMinInsyncReplicas(config.replicationFactor as number);
  if (values.zones === undefined) config.zones = defaultZones(config.brokers as number);
  return config as unknown as PlanConfig;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'seed-defaults',
    name: 'Seed calculator defaults',
    summary: "The seed calculator's own scenario: 1,000,000 events/s of 1 KiB on 5 partitions, 10 consumers at 100 ms per event.",
    assumptions: [
      'Rate 1,000,000 events/s, size 1,024 B, 5 partitions, 100 ms per event, 10 consumers: the values the seed calculator opens with.',
      'Replication factor 3, retention 168 h (one week, the seed\'s "weekly storage"), 1 consumer group, 3 brokers: the seed shows "3x" and a weekly figure.',
      'Every assumption at its default (no compression, no record overhead).',
    ],
    sources: ['The seed calculator (shared/seed): its sliders and "System Metrics"'],
    config: DEFAULT_CONFIG,
  },
  {
    id: 'netflix',
    name: 'Netflix microservice events',
    summary: '700+ microservices reacting to each other\'s events (choreography) on Kafka: "billions of events/day".',
    assumptions: [
      '"Billions of events/day" taken as 5 billion events/day: 5,000,000,000 / 86,400 s = 57,870 events/s on average.',
      'Planned for a daily peak of 2× the average: 57,870 × 2 ≈ 116,000 events/s.',
      'Event size 1 KiB (1,024 B): a JSON event with its metadata and correlation ids.',
      'Choreography: 4 consumer groups (services) react to every event, each handling it in 2 ms (μ = 500 events/s a consumer).',
      'Consumers needed at the 70 % target: 116,000 / (0.7 × 500) = 332; rounded up to 384 partitions and 384 consumers per group (60 % busy).',
      'Retention 72 h (3 days to replay after an incident); replication factor 3; 12 brokers as a first guess.',
      'All events on this one topic; in reality they are spread over many topics and clusters.',
    ],
    sources: [`${SEED_PAGE}: Netflix, 700+ microservices, billions of events/day, event-driven choreography, Apache Kafka`, HOUSE_ESTIMATE + ' for the size, processing time, groups and retention'],
    config: configOf({ rate: 116_000, size: 1024, partitions: 384, latency: 2, consumers: 384, rf: 3, retention: 72, groups: 4, brokers: 12 }),
  },
  {
    id: 'uber',
    name: 'Uber location updates',
    summary: 'Live location of drivers on trips, streamed for tracking, matching and ETAs: "15M trips/day" with continuous location updates.',
    assumptions: [
      '15,000,000 trips/day (seed page) × an average trip of 20 min (1,200 s) = 18,000,000,000 trip-seconds a day; / 86,400 s = 208,333 trips under way at any moment.',
      'One location update every 4 s from each trip: 208,333 / 4 = 52,083 events/s on average.',
      'Planned for rush hours at 2× the average: 52,083 × 2 ≈ 104,000 events/s. Drivers waiting between trips are left out.',
      'Event size 256 B: ids, latitude, longitude, heading, speed and a timestamp.',
      '3 consumer groups (live tracking and ETAs, matching, analytics), each taking 1 ms per update (μ = 1,000 events/s a consumer).',
      'Consumers needed at the 70 % target: 104,000 / (0.7 × 1,000) = 149; rounded up to 192 partitions and 192 consumers per group (54 % busy).',
      'Retention 24 h: a location is stale within seconds, a day is kept for replay. Latency target p99 ≤ 1 s for the live map. Replication factor 3, 6 brokers.',
    ],
    sources: [`${SEED_PAGE}: Uber, 15M trips/day, location updates/sec, event streaming, Apache Kafka and Flink`, HOUSE_ESTIMATE + ' for the trip length, update interval, size and processing time'],
    config: configOf({ rate: 104_000, size: 256, partitions: 192, latency: 1, consumers: 192, rf: 3, retention: 24, groups: 3, brokers: 6, sloMs: 1000 }),
  },
  {
    id: 'amazon',
    name: 'Amazon order pipeline (event sourcing)',
    summary: 'Every change of an order kept as an event, for an audit trail and order replay: "millions of orders/day".',
    assumptions: [
      '"Millions of orders/day" taken as 10,000,000 orders/day, each producing 10 events over its life (placed, paid, picked, packed, shipped, delivered, …): 100,000,000 events/day.',
      '100,000,000 / 86,400 s = 1,157 events/s on average; planned for sale days at 5× the average: 1,157 × 5 ≈ 5,800 events/s.',
      'Event size 2 KiB (2,048 B): an order event carries its line items.',
      '4 consumer groups build read models (order history, fulfilment, billing, notifications), each taking 20 ms per event (a database write; μ = 50 events/s a consumer).',
      'Consumers needed at the 70 % target: 5,800 / (0.7 × 50) = 166; rounded up to 192 partitions and 192 consumers per group (60 % busy).',
      'Event sourcing keeps the history: retention 8,760 h (one year, the longest this planner takes). At the peak rate that is more than the disks of 6 brokers hold: storage, not traffic, sets the broker count (or use tiered storage).',
      'Replication factor 3; 6 brokers as a first guess. The seed names DynamoDB Streams and Lambda; the same load is sized here as a Kafka topic.',
    ],
    sources: [`${SEED_PAGE}: Amazon, millions of orders/day, event sourcing for order history, audit trails and order replay`, HOUSE_ESTIMATE + ' for the events per order, peak factor, size and processing time'],
    config: configOf({ rate: 5800, size: 2048, partitions: 192, latency: 20, consumers: 192, rf: 3, retention: 8760, groups: 4, brokers: 6 }),
  },
  {
    id: 'linkedin',
    name: 'LinkedIn activity fan-out',
    summary: 'Member activity (posts, likes, shares) fanned out on write to feeds and to several consumer groups: "500M+ users, billions of activities".',
    assumptions: [
      '"Billions of activities" taken as 2 billion activity events/day from 500M+ members (4 a member a day): 2,000,000,000 / 86,400 s = 23,148 events/s on average.',
      'Planned for a daily peak of 2× the average: 23,148 × 2 ≈ 46,300 events/s.',
      'Event size 512 B: actor, verb, object and a timestamp.',
      '"Several consumer groups": 8 (feed fan-out, notifications, search indexing, recommendations, ads, spam detection, analytics, archive), each reading every event.',
      'Fan-out on write is the heavy step: 5 ms per event (look up followers, write their feeds; μ = 200 events/s a consumer).',
      'Consumers needed at the 70 % target: 46,300 / (0.7 × 200) = 331; rounded up to 384 partitions and 384 consumers per group (60 % busy).',
      'Retention 168 h (Kafka\'s default, 7 days); replication factor 3; 6 brokers.',
    ],
    sources: [`${SEED_PAGE}: LinkedIn, 500M+ users, billions of activities, fan-out on write via events, Apache Kafka and Samza`, HOUSE_ESTIMATE + ' for the activities a member, size, groups and processing time'],
    config: configOf({ rate: 46_300, size: 512, partitions: 384, latency: 5, consumers: 384, rf: 3, retention: 168, groups: 8, brokers: 6 }),
  },
  {
    id: 'ecommerce',
    name: 'E-commerce order pipeline',
    summary: "A mid-size online shop: order events read by inventory, payment and notification services (the seed page's e-commerce example).",
    assumptions: [
      '200,000 orders/day × 8 events an order = 1,600,000 events/day; / 86,400 s = 18.5 events/s on average.',
      'Planned for a flash sale at about 10× the average: 200 events/s.',
      'Event size 2 KiB (2,048 B); 3 consumer groups (inventory, payment, notifications), each taking 50 ms per event (calls to other services; μ = 20 events/s a consumer).',
      'Consumers needed at the 70 % target: 200 / (0.7 × 20) = 15; 24 partitions and 24 consumers per group (42 % busy) leave room to grow.',
      'Retention 168 h (7 days); replication factor 3 on 3 brokers, the smallest cluster that survives a broker failure without losing data.',
    ],
    sources: [HOUSE_ESTIMATE, 'Seed page: "Event-Driven E-commerce System" (event_driven_ecommerce.py)'],
    config: configOf({ rate: 200, size: 2048, partitions: 24, latency: 50, consumers: 24, rf: 3, retention: 168, groups: 3, brokers: 3 }),
  },
  {
    id: 'iot',
    name: 'IoT telemetry stream',
    summary: 'A fleet of 100,000 devices reporting sensor readings every 10 s, read by alerting and a time-series store.',
    assumptions: [
      '100,000 devices × one reading every 10 s = 10,000 events/s, steady (devices report on a timer, so no peak factor).',
      'Event size 300 B: a device id, a timestamp and a few readings as JSON.',
      'Small events: record overhead 18 B each (Kafka record format v2) and lz4 compression 2× on repetitive JSON are set in the assumptions.',
      '2 consumer groups (alerting, time-series storage), each taking 2 ms per event (μ = 500 events/s a consumer).',
      'Consumers needed at the 70 % target: 10,000 / (0.7 × 500) = 29; 32 partitions and 32 consumers per group (63 % busy).',
      'Retention 72 h (the time-series store keeps the history); replication factor 3 on 3 brokers.',
    ],
    sources: [HOUSE_ESTIMATE, 'Kafka record format v2 (about 18 B a record) for the overhead'],
    config: configOf({ rate: 10_000, size: 300, partitions: 32, latency: 2, consumers: 32, rf: 3, retention: 72, groups: 2, brokers: 3, compression: 2, overhead: 18 }),
  },
  {
    id: 'logs',
    name: 'Log aggregation pipeline',
    summary: '1,000 hosts shipping application logs into a search index and an archive, with Kafka as the buffer in between.',
    assumptions: [
      '1,000 hosts × 200 log lines/s = 200,000 events/s at the busy hour.',
      'Event size 500 B: one log line with its host, service and level. 200,000 × 500 B = 100,000,000 B/s ≈ 95.4 MiB/s before compression.',
      'Log text compresses well: zstd 4× is set in the assumptions, so about 23.8 MiB/s reaches the brokers.',
      '2 consumer groups (search indexing, archive to object storage), each taking 0.5 ms per line (parse and batch; μ = 2,000 events/s a consumer).',
      'Consumers needed at the 70 % target: 200,000 / (0.7 × 2,000) = 143; 192 partitions and 192 consumers per group (52 % busy).',
      'Retention 24 h: the index and the archive keep the history, Kafka only rides out an outage downstream.',
      'Replication factor 2: losing a little log data on a double failure is accepted to halve replication traffic and disk; 4 brokers in 2 zones.',
      'min.insync.replicas 2, as many log pipelines copy from RF 3 setups: with RF 2 that stops acks=all writes on every partition of a broker that restarts — the planner flags it, and Apply moves to RF 3 with min ISR 2.',
    ],
    sources: [HOUSE_ESTIMATE, 'Producer compression (zstd) on text logs: typically 4× or more'],
    config: configOf({ rate: 200_000, size: 500, partitions: 192, latency: 0.5, consumers: 192, rf: 2, minIsr: 2, retention: 24, groups: 2, brokers: 4, compression: 4 }),
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/**
 * Named clusters of several topics that load in one click, each with the assumptions behind
 * every number. Unlike the one-topic presets, each topic's rate is its daily AVERAGE with its own
 * peak factor: the planner checks throughput at the peak and sizes storage at the average.
 * docs/scenarios.md "Presets" carries the same text.
 */
export interface ClusterPreset {
  /** Stable id: data-testid="preset-<id>". */
  readonly id: string;
  readonly name: string;
  /** One line: what the workload is, and the problem it shows on purpose if it has one. */
  readonly summary: string;
  /** The stated assumptions, with the arithmetic behind each number ("<topic>: …" for a topic's). */
  readonly assumptions: readonly string[];
  readonly sources: readonly string[];
  /** The one check the preset fails on purpose, to show it; null when every check passes. */
  readonly problem: HealthFactorId | null;
  readonly plan: ClusterPlan;
}

/** One topic of a cluster preset: its name and its own inputs, by URL name. */
interface PresetTopic {
  readonly name: string;
  readonly values: Partial<Record<ParamName, number>>;
}

/**
 * A cluster from URL-named values: the cluster's inputs, the broker type whose assumptions it
 * takes (brokerTypeValues), and each topic's inputs. Everything else keeps its default.
 */
function clusterPlanOf(brokerTypeId: string, cluster: Partial<Record<ParamName, number>>, topics: readonly PresetTopic[]): ClusterPlan {
  const type = brokerTypeById(brokerTypeId);
  if (!type) throw new Error(`unknown broker type ${brokerTypeId}`);
  const viewOf = (topic: PresetTopic): PlanConfig => ({ ...configOf({ ...cluster, ...topic.values }), ...brokerTypeValues(type) });
  const first = topics[0];
  if (!first) throw new Error('a cluster has at least one topic');
  return { cluster: clusterOf(viewOf(first)), topics: topics.map((topic) => topicOf(viewOf(topic), topic.name)), brokerType: type.id };
}

export const CLUSTER_PRESETS: readonly ClusterPreset[] = [
  {
    id: 'cluster-ecommerce',
    name: 'E-commerce cluster',
    summary: 'A mid-size online shop on one small cluster: order events, payment events, the click stream and application logs, sized for a flash sale. Every check passes.',
    assumptions: [
      'Busy hour: a flash sale. Each topic has its own peak factor; the cluster is checked with every topic at its peak at once.',
      'orders: 200,000 orders/day × 8 events an order (placed, paid, picked, packed, shipped, …) = 1,600,000 events/day; / 86,400 s = 18.5 events/s on average; peak 10× (the sale) = 185 events/s.',
      'orders: 2 KiB (2,048 B) JSON events with line items, lz4 2×; 3 groups (inventory, fulfilment, notifications), 50 ms each (calls to other services; μ = 20 events/s); 185 / (0.7 × 20) = 13.2 → 24 partitions and consumers (39 % busy); retention 168 h.',
      'payments: 1.2 payment attempts an order (retries, split payments): 240,000/day = 2.78 events/s; peak 10× = 27.8 events/s; 1 KiB; 2 groups (order service, accounting), 200 ms each (a payment provider call; μ = 5); 27.8 / 3.5 = 7.9 → 12 partitions and consumers (46 % busy); retention 720 h (30 days, for reconciliation).',
      'clicks: 2 % of sessions buy, so 200,000 orders come from 10,000,000 sessions/day × 30 events a session = 300,000,000 events/day = 3,472 events/s; peak 5× (traffic grows less than orders in a sale) = 17,360 events/s; 512 B, zstd 3×; 2 groups (analytics, recommendations), 1 ms each (μ = 1,000); 17,360 / 700 = 24.8 → 32 partitions and consumers (54 % busy); retention 72 h.',
      'logs: 200 hosts × 50 lines/s = 10,000 lines/s; peak 2× (more requests in the sale) = 20,000 lines/s; 400 B a line, zstd 4×; 2 groups (search indexing, archive), 0.5 ms a line (μ = 2,000); 20,000 / 1,400 = 14.3 → 24 partitions and consumers (42 % busy); retention 24 h.',
      'Cluster: 3 kafka.m5.large brokers (2 vCPU, 8 GiB; the broker type sets network, storage throughput, memory, replicas per broker and price) in 3 zones, 1,000 GiB of disk each; replication factor 3 and min ISR 2 on every topic.',
    ],
    sources: [
      'Seed page: "Event-Driven E-commerce System" (event_driven_ecommerce.py)',
      HOUSE_ESTIMATE + ' for the volumes, sizes, peak factors and processing times; 2 % conversion is a common e-commerce planning figure',
      'Producer compression 2–5× on JSON and 4× or more on text logs (src/config/schema.ts "Compression ratio")',
      'AWS MSK broker sizes and prices (src/config/broker-types.ts)',
    ],
    problem: null,
    plan: clusterPlanOf('kafka.m5.large', { brokers: 3, zones: 3, diskGiB: 1000 }, [
      { name: 'orders', values: { rate: 18.5, size: 2048, partitions: 24, latency: 50, consumers: 24, groups: 3, rf: 3, minIsr: 2, retention: 168, compression: 2, peak: 10 } },
      { name: 'payments', values: { rate: 2.78, size: 1024, partitions: 12, latency: 200, consumers: 12, groups: 2, rf: 3, minIsr: 2, retention: 720, compression: 1, peak: 10 } },
      { name: 'clicks', values: { rate: 3472, size: 512, partitions: 32, latency: 1, consumers: 32, groups: 2, rf: 3, minIsr: 2, retention: 72, compression: 3, peak: 5 } },
      { name: 'logs', values: { rate: 10_000, size: 400, partitions: 24, latency: 0.5, consumers: 24, groups: 2, rf: 3, minIsr: 2, retention: 24, compression: 4, peak: 2 } },
    ]),
  },
  {
    id: 'cluster-linkedin',
    name: 'LinkedIn fan-out cluster',
    summary: "The seed page's LinkedIn example as a cluster: member activities fanned out on write into followers' feeds, plus notifications. Fails one check on purpose: broker storage (a week of activities does not fit on six 2,048 GiB disks).",
    assumptions: [
      '"Billions of activities" (seed page) taken as 2,000,000,000 activity events/day from 500M+ members (4 a member a day).',
      'activities: 2,000,000,000 / 86,400 s = 23,148 events/s on average; peak 2× (the working-day peak) = 46,296 events/s; 512 B (actor, verb, object, time), lz4 2×; 4 groups (feed fan-out, notifications, search indexing, analytics), 2 ms each (μ = 500); 46,296 / 350 = 132 → 192 partitions and consumers (48 % busy); retention 168 h.',
      'feed-updates: fan-out on write: the 10 % of activities that are posts and shares (200,000,000/day) are written into the feeds of 100 active followers each = 20,000,000,000 feed entries/day = 231,481 events/s; peak 2× = 462,962 events/s; 100 B (member, activity, rank), lz4 2×; 1 group (the feed store writer), 0.5 ms each (μ = 2,000); 462,962 / 1,400 = 331 → 384 partitions and consumers (60 % busy); retention 24 h (the feed store keeps them).',
      'notifications: 30 % of activities touch someone else\'s content (a like, a comment): 600,000,000/day = 6,944 events/s; peak 2× = 13,888 events/s; 256 B, lz4 2×; 2 groups (push, e-mail digest), 5 ms each (render and send; μ = 200); 13,888 / 140 = 99.2 → 128 partitions and consumers (54 % busy); retention 72 h.',
      'Small records make the record overhead count: 18 B a record (Kafka record format v2) is set for the cluster.',
      'Cluster: 6 kafka.m5.2xlarge brokers (8 vCPU, 32 GiB) in 3 zones, 2,048 GiB of disk each; replication factor 3 and min ISR 2 on every topic. Only one slice of LinkedIn: the real system spreads this over many clusters.',
      'The problem on purpose, broker storage: with every replica, activities keep 23,148 × (512 + 18) B / 2 × 604,800 s × 3 = 10,366 GiB, feed-updates 3,297 GiB and notifications 689 GiB: 14,351 GiB, 2,392 GiB a broker before open segments, against 70 % of 2,048 GiB = 1,434 GiB. Traffic is far from any limit: fan-out on write costs disk first here.',
      'Two fixes: 4,096 GiB disks on the same 6 brokers, or 12 brokers with these disks; the larger disks cost less a month.',
    ],
    sources: [
      `${SEED_PAGE}: LinkedIn, 500M+ users, billions of activities, fan-out on write via events, Apache Kafka and Samza`,
      HOUSE_ESTIMATE + ' for the activities a member, the share that fans out, the followers reached, sizes, groups and processing times',
      'Kafka record format v2 (about 18 B a record) for the overhead',
      'AWS MSK broker sizes and prices (src/config/broker-types.ts)',
    ],
    problem: 'broker-storage',
    plan: clusterPlanOf('kafka.m5.2xlarge', { brokers: 6, zones: 3, diskGiB: 2048, overhead: 18 }, [
      { name: 'activities', values: { rate: 23_148, size: 512, partitions: 192, latency: 2, consumers: 192, groups: 4, rf: 3, minIsr: 2, retention: 168, compression: 2, peak: 2 } },
      { name: 'feed-updates', values: { rate: 231_481, size: 100, partitions: 384, latency: 0.5, consumers: 384, groups: 1, rf: 3, minIsr: 2, retention: 24, compression: 2, peak: 2 } },
      { name: 'notifications', values: { rate: 6944, size: 256, partitions: 128, latency: 5, consumers: 128, groups: 2, rf: 3, minIsr: 2, retention: 72, compression: 2, peak: 2 } },
    ]),
  },
  {
    id: 'cluster-iot',
    name: 'IoT telemetry and commands',
    summary: 'A fleet of 100,000 devices: telemetry in, commands out to the devices, and device events (online, offline, alarms), on three small Graviton brokers. Every check passes.',
    assumptions: [
      'telemetry: 100,000 devices × one reading every 10 s = 10,000 events/s, steady (devices report on a timer: peak 1×); 300 B JSON, lz4 2×; 2 groups (alerting, time-series store), 2 ms each (μ = 500); 10,000 / 350 = 28.6 → 32 partitions and consumers (63 % busy); retention 72 h.',
      'commands: one command a device every 10 minutes (configuration, schedules, actuators): 100,000 / 600 s = 167 events/s; peak 6× (fleet-wide rollouts) = 1,002 events/s; 512 B; 1 group (the device gateway, which delivers over MQTT), 10 ms each (μ = 100); 1,002 / 70 = 14.3 → 24 partitions and consumers (42 % busy); retention 24 h (a command older than a day is stale).',
      'device-events: 24 state changes a device a day (online, offline, threshold alarms) = 2,400,000/day = 27.8 events/s; peak 5× (a regional network outage takes many devices offline at once) = 139 events/s; 400 B; 2 groups (alerting, device registry), 20 ms each (rules and a database write; μ = 50); 139 / 35 = 4 → 12 partitions and consumers (23 % busy); retention 168 h.',
      'Small events make the record overhead count: 18 B a record (Kafka record format v2) is set for the cluster.',
      'Cluster: 3 kafka.m7g.large brokers (2 vCPU, 8 GiB, Graviton) in 3 zones, 1,000 GiB of disk each; replication factor 3 and min ISR 2 on every topic.',
    ],
    sources: [HOUSE_ESTIMATE, 'Kafka record format v2 (about 18 B a record) for the overhead', 'AWS MSK broker sizes and prices (src/config/broker-types.ts)'],
    problem: null,
    plan: clusterPlanOf('kafka.m7g.large', { brokers: 3, zones: 3, diskGiB: 1000, overhead: 18 }, [
      { name: 'telemetry', values: { rate: 10_000, size: 300, partitions: 32, latency: 2, consumers: 32, groups: 2, rf: 3, minIsr: 2, retention: 72, compression: 2, peak: 1 } },
      { name: 'commands', values: { rate: 167, size: 512, partitions: 24, latency: 10, consumers: 24, groups: 1, rf: 3, minIsr: 2, retention: 24, compression: 1, peak: 6 } },
      { name: 'device-events', values: { rate: 27.8, size: 400, partitions: 12, latency: 20, consumers: 12, groups: 2, rf: 3, minIsr: 2, retention: 168, compression: 1, peak: 5 } },
    ]),
  },
];

export function clusterPresetById(id: string): ClusterPreset | undefined {
  return CLUSTER_PRESETS.find((preset) => preset.id === id);
}

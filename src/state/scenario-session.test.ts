import { describe, expect, it } from 'vitest';
import { DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { DEFAULT_CONFIG } from '../config/schema';
import { singleTopicPlan, type ClusterPlan } from '../engine/cluster-plan';
import { usePlannerStore } from './planner-store';
import { loadedIfUnchanged, loadScenario, samePlan, useScenarioSession } from './scenario-session';

const one = singleTopicPlan({ ...DEFAULT_CONFIG, partitions: 12 }, 'orders', DEFAULT_BROKER_TYPE);
const TWO: ClusterPlan = { ...one, topics: [...one.topics, { ...one.topics[0]!, name: 'clicks', eventsPerSec: 50 }] };

const current = () => loadedIfUnchanged(useScenarioSession.getState().loaded, usePlannerStore.getState().config);

describe('what is loaded', () => {
  it('a whole plan replaces every topic and stays "loaded" while only another topic is selected', () => {
    loadScenario({ kind: 'saved', name: 'Two' }, TWO);
    expect(usePlannerStore.getState().plan.topics.map((t) => t.name)).toEqual(['orders', 'clicks']);
    expect(current()?.name).toBe('Two');
    usePlannerStore.getState().selectTopic(1);
    expect(usePlannerStore.getState().config.eventsPerSec).toBe(50);
    expect(current()?.name).toBe('Two');
    usePlannerStore.getState().setValue('partitions', 99);
    expect(current()).toBeNull();
  });

  it('a flat config (a one-topic preset) replaces the selected topic and the cluster', () => {
    loadScenario({ kind: 'saved', name: 'Two' }, TWO);
    loadScenario({ kind: 'preset', name: 'Flat', presetId: 'x' }, { ...DEFAULT_CONFIG, brokers: 9 });
    expect(usePlannerStore.getState().plan.cluster.brokers).toBe(9);
    expect(usePlannerStore.getState().plan.topics.map((t) => t.name)).toEqual(['orders', 'clicks']);
    expect(current()?.name).toBe('Flat');
  });

  it('samePlan compares values: the broker type, the cluster, every topic and its name', () => {
    expect(samePlan(TWO, { ...TWO, topics: TWO.topics.map((t) => ({ ...t })) })).toBe(true);
    expect(samePlan(TWO, { ...TWO, brokerType: 'custom' })).toBe(false);
    expect(samePlan(TWO, { ...TWO, cluster: { ...TWO.cluster, brokers: 4 } })).toBe(false);
    expect(samePlan(TWO, { ...TWO, topics: [TWO.topics[0]!] })).toBe(false);
    expect(samePlan(TWO, { ...TWO, topics: [TWO.topics[0]!, { ...TWO.topics[1]!, name: 'views' }] })).toBe(false);
    expect(samePlan(TWO, { ...TWO, topics: [TWO.topics[0]!, { ...TWO.topics[1]!, peakFactor: 2 }] })).toBe(false);
  });
});

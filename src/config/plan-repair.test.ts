import { describe, expect, it } from 'vitest';
import { usePlannerStore } from '../state/planner-store';
import { singleTopicPlan } from '../engine/cluster-plan';
import { defaultMinInsyncReplicas, defaultZones, repairClusterPlan, repairPlan } from './plan-repair';
import { DEFAULT_CONFIG } from './schema';

describe('rules across inputs', () => {
  it('min ISR defaults to 2 from rf 3 up, else 1; zones to the largest of 3, 2, 1 dividing the brokers', () => {
    expect([1, 2, 3, 4, 7].map(defaultMinInsyncReplicas)).toEqual([1, 1, 2, 2, 2]);
    expect([1, 2, 3, 4, 5, 6, 9, 10].map(defaultZones)).toEqual([1, 2, 3, 2, 1, 3, 3, 2]);
  });

  it('repairs min ISR above rf and zones above brokers, and leaves a valid plan alone', () => {
    const { config, repairs } = repairPlan({ ...DEFAULT_CONFIG, replicationFactor: 2, minInsyncReplicas: 3, brokers: 2, zones: 3 });
    expect([config.minInsyncReplicas, config.zones]).toEqual([2, 2]);
    expect(repairs.map((r) => r.param)).toEqual(['minIsr', 'zones']);
    expect(repairPlan(DEFAULT_CONFIG)).toEqual({ config: DEFAULT_CONFIG, repairs: [] });
  });

  it('repairs every topic of a cluster: min ISR above each topic\'s rf, zones above the brokers once', () => {
    const one = singleTopicPlan({ ...DEFAULT_CONFIG, brokers: 2, zones: 3 }, 'a');
    const plan = { ...one, topics: [{ ...one.topics[0]!, replicationFactor: 2, minInsyncReplicas: 3 }, { ...one.topics[0]!, name: 'b', replicationFactor: 1, minInsyncReplicas: 2 }, { ...one.topics[0]!, name: 'c' }] };
    const { plan: repaired, repairs } = repairClusterPlan(plan);
    expect(repaired.topics.map((t) => [t.name, t.minInsyncReplicas])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 2],
    ]);
    expect(repaired.cluster.zones).toBe(2);
    expect(repairs.map((r) => [r.param, r.topic])).toEqual([
      ['minIsr', 0],
      ['zones', null],
      ['minIsr', 1],
    ]);
    expect(repairClusterPlan(repaired)).toEqual({ plan: repaired, repairs: [] });
  });

  it('the store keeps them: lowering rf pulls min ISR down, fewer brokers pull zones down', () => {
    usePlannerStore.getState().replaceConfig(DEFAULT_CONFIG);
    usePlannerStore.getState().setValue('replicationFactor', 1);
    expect(usePlannerStore.getState().config.minInsyncReplicas).toBe(1);
    usePlannerStore.getState().setValue('brokers', 2);
    expect(usePlannerStore.getState().config.zones).toBe(2);
    usePlannerStore.getState().applyValues({ minInsyncReplicas: 5 });
    expect(usePlannerStore.getState().config.minInsyncReplicas).toBe(1);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, usePlannerStore } from './planner-store';

const store = () => usePlannerStore.getState();

describe('the planner store holds a cluster of topics', () => {
  beforeEach(() => store().replacePlan(DEFAULT_PLAN));

  it('the sliders edit the selected topic; cluster inputs edit the cluster', () => {
    store().addTopic();
    expect(store().selectedTopic).toBe(1);
    store().setValue('eventsPerSec', 1234);
    store().setValue('brokers', 6);
    const { plan } = store();
    expect(plan.topics[1]!.eventsPerSec).toBe(1234);
    expect(plan.topics[0]!.eventsPerSec).toBe(DEFAULT_PLAN.topics[0]!.eventsPerSec);
    expect(plan.cluster.brokers).toBe(6);
    expect(store().config.eventsPerSec).toBe(1234);
    store().selectTopic(0);
    expect(store().config.eventsPerSec).toBe(DEFAULT_PLAN.topics[0]!.eventsPerSec);
    expect(store().config.brokers).toBe(6);
  });

  it('selecting a topic changes no value, so the plan object stays', () => {
    store().addTopic();
    const plan = store().plan;
    store().selectTopic(0);
    expect(store().plan).toBe(plan);
  });

  it('duplicates under a free name, renames by Kafka\'s rules and keeps names unique', () => {
    store().renameTopic(0, 'orders');
    store().addTopic(0);
    expect(store().plan.topics.map((t) => t.name)).toEqual(['orders', 'orders-copy']);
    store().renameTopic(1, 'orders');
    expect(store().plan.topics[1]!.name).toBe('orders-2');
    store().renameTopic(1, 'bad name!');
    expect(store().plan.topics[1]!.name).toBe('bad-name-');
  });

  it('removes a topic (never the last) and puts it back where it was', () => {
    store().renameTopic(0, 'orders');
    store().addTopic();
    store().renameTopic(1, 'clicks');
    store().setValue('partitions', 24);
    const removed = store().removeTopic(1)!;
    expect(store().plan.topics.map((t) => t.name)).toEqual(['orders']);
    expect(store().removeTopic(0)).toBeNull();
    store().restoreTopic(removed.topic, removed.index);
    expect(store().plan.topics.map((t) => t.name)).toEqual(['orders', 'clicks']);
    expect(store().plan.topics[1]!.partitions).toBe(24);
    expect(store().selectedTopic).toBe(1);
  });

  it('a rule across inputs holds for every topic: min ISR never above its rf', () => {
    store().addTopic();
    store().setValue('replicationFactor', 1);
    expect(store().plan.topics[1]!.minInsyncReplicas).toBe(1);
    expect(store().plan.topics[0]!.minInsyncReplicas).toBe(2);
  });
});

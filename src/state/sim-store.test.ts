import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { singleTopicPlan } from '../engine/cluster-plan';
import type { TimedAction } from '../sim/types';
import { INITIAL_SIM_STATE, useSimStore } from './sim-store';

const OLD = singleTopicPlan(DEFAULT_CONFIG);
const NEW = singleTopicPlan({ ...DEFAULT_CONFIG, partitions: 12 });
const RUN: TimedAction[] = [{ atMs: 2_000, action: { type: 'broker-down', broker: 0 } }];

describe('sim-store: a recorded run belongs to the plan it was recorded on', () => {
  beforeEach(() => useSimStore.setState({ ...INITIAL_SIM_STATE, timeline: RUN, sharedRunActions: 1 }));

  it('a plan change sets the run aside and starts the new one with no actions', () => {
    expect(useSimStore.getState().planChanged(OLD, NEW)).toEqual([]);
    expect(useSimStore.getState()).toMatchObject({ timeline: [], sharedRunActions: 0, setAside: { plan: OLD, timeline: RUN } });
  });

  it('bringing it back starts the run on that plan with its actions, once that plan is the one at rest', () => {
    useSimStore.getState().planChanged(OLD, NEW);
    const restored = singleTopicPlan(DEFAULT_CONFIG); // the planner's copy of the old plan
    useSimStore.getState().restoreSetAside(restored);
    expect(useSimStore.getState().setAside).toBeNull();
    expect(useSimStore.getState().planChanged(NEW, restored)).toEqual(RUN);
    expect(useSimStore.getState()).toMatchObject({ timeline: RUN, restoring: null, setAside: null });
  });

  it('a plan change with no recorded actions keeps what was set aside before', () => {
    useSimStore.getState().planChanged(OLD, NEW);
    expect(useSimStore.getState().planChanged(NEW, OLD)).toEqual([]);
    expect(useSimStore.getState().setAside).toEqual({ plan: OLD, timeline: RUN });
    useSimStore.getState().dismissSetAside();
    expect(useSimStore.getState().setAside).toBeNull();
  });
});

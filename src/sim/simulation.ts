import { singleTopicPlan, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';
import { SAMPLE_INTERVAL_MS } from './defaults';
import type { PartitionLog } from './partition-log';
import { brokerDown, brokerUpAgain, fenceBroker, rebalanceLeaders, rejoin, shrinkIsrOfLagging } from './brokers';
import { incrementalRoundDone } from './incremental-rebalance';
import { addGroup, assign, crash, evictSlowMember, finishChunk, finishRebalance, newConsumer, onAppended, rejoinGroup, settleRunning, startRebalance, tryStart, wakeOwners } from './consumer-groups';
import { produceBatch, scheduleBatch } from './producers';
import { frameOf, groupLag, shapeOf } from './frame';
import { toPlainSnapshot, viewOf } from './snapshot-view';
import type { SimAction, SimOptions, SimSnapshot, Simulation } from './types';
import {
  BATCH,
  BROKER_FENCED,
  CONSUMER_DONE,
  CONSUMER_WAKE,
  createWorld,
  FOLLOWER_REJOIN,
  ISR_LAG_SHRINK,
  LEADER_REBALANCE,
  POLL_TIMEOUT,
  CONSUMER_REJOIN,
  REBALANCE_DONE,
  SAMPLE,
  SAMPLES,
  say as sayIn,
  SESSION_EXPIRED,
  SPIKE_END,
  type World,
} from './world';

/** The simulated broker for one topic on its cluster's brokers (a one-topic cluster). */
export function createSimulation(config: PlanConfig, options: SimOptions = {}): Simulation {
  return simulate(createWorld(singleTopicPlan(config), options, config));
}

/**
 * The simulated cluster: every topic of the plan on the shared brokers, each with its producers,
 * partitions and consumer groups; a broker failure hits every topic with a replica on it.
 */
export function createClusterSimulation(plan: ClusterPlan, options: SimOptions = {}): Simulation {
  return simulate(createWorld(plan, options));
}

/**
 * The event loop (dispatch) and the actions (apply) over one world state (src/sim/world.ts);
 * what the page sees is built by src/sim/frame.ts.
 */
function simulate(w: World): Simulation {
  const { queue, B, logs, groups, sampleAt } = w;

  const say = (text: string) => sayIn(w, text);
  // The parts tell each other through the world's hooks.
  w.hooks.onLeaderBack = (p) => wakeOwners(w, p);
  w.hooks.onAppended = (p, readableMs) => onAppended(w, p, readableMs);

  // ---- measurement --------------------------------------------------------------------

  const takeSample = () => {
    // The finished part of running polls counts now: a poll of 500 events at 100 ms each takes
    // 50 s, and neither the rate nor the measured waits should wait for it to commit.
    settleRunning(w);
    const slot = w.samplesTaken % SAMPLES;
    sampleAt[slot] = w.nowMs;
    for (const topic of w.topics) {
      const first = topic.groups[0];
      topic.sampleProduced[slot] = topic.produced;
      topic.sampleConsumed[slot] = first ? first.processed : 0;
      topic.sampleLag[slot] = first ? groupLag(w, first) : 0;
    }
    w.samplesTaken += 1;
    queue.push(w.nowMs + SAMPLE_INTERVAL_MS, SAMPLE);
  };

  // ---- the event loop -----------------------------------------------------------------

  const event = { timeMs: 0, kind: 0, a: 0, b: 0, c: 0 };
  const dispatch = () => {
    switch (event.kind) {
      case BATCH:
        produceBatch(w, event.a);
        scheduleBatch(w, event.a, w.nowMs);
        break;
      case CONSUMER_DONE: {
        const group = groups[event.a];
        const consumer = group?.consumers[event.b];
        if (group && consumer) finishChunk(w, group, consumer, event.c);
        break;
      }
      case CONSUMER_WAKE: {
        const group = groups[event.a];
        const consumer = group?.consumers[event.b];
        if (group && consumer) {
          if (consumer.wakeAtMs <= w.nowMs) consumer.wakeAtMs = Infinity;
          tryStart(w, group, consumer);
        }
        break;
      }
      case SESSION_EXPIRED: {
        const group = groups[event.a];
        if (group) startRebalance(w, group, `consumer ${event.b} left: session timed out`);
        break;
      }
      case REBALANCE_DONE: {
        const group = groups[event.a];
        if (!group) break;
        if (event.b === 0) finishRebalance(w, group, event.c);
        else incrementalRoundDone(w, group, event.b, event.c, (consumer) => tryStart(w, group, consumer));
        break;
      }
      case SPIKE_END:
        if (event.c === w.spikeToken) {
          w.spikeFactor = 1;
          say('traffic spike over');
        }
        break;
      case FOLLOWER_REJOIN:
        rejoin(w, event.a);
        break;
      case BROKER_FENCED:
        fenceBroker(w, event.a, event.c);
        break;
      case ISR_LAG_SHRINK:
        shrinkIsrOfLagging(w, event.a, event.c);
        break;
      case POLL_TIMEOUT:
      case CONSUMER_REJOIN: {
        const group = groups[event.a];
        const consumer = group?.consumers[event.b];
        if (group && consumer) (event.kind === POLL_TIMEOUT ? evictSlowMember : rejoinGroup)(w, group, consumer, event.c);
        break;
      }
      case LEADER_REBALANCE:
        rebalanceLeaders(w);
        queue.push(w.nowMs + w.opt.leaderImbalanceCheckIntervalMs, LEADER_REBALANCE);
        break;
      case SAMPLE:
        takeSample();
        break;
    }
  };

  // ---- start --------------------------------------------------------------------------

  for (const topic of w.topics) for (let g = 0; g < topic.config.consumerGroups; g += 1) assign(w, addGroup(w, 'live', topic));
  for (let p = 0; p < w.P; p += 1) scheduleBatch(w, p, 0);
  takeSample();
  if (w.opt.autoLeaderRebalance) queue.push(w.opt.leaderImbalanceCheckIntervalMs, LEADER_REBALANCE);

  const advance = (ms: number) => {
    if (!(ms > 0)) return;
    const targetMs = w.nowMs + ms;
    while (queue.peekTime() <= targetMs) {
      queue.pop(event);
      w.nowMs = event.timeMs;
      dispatch();
    }
    w.nowMs = targetMs;
  };

  const apply = (action: SimAction) => {
    switch (action.type) {
      case 'broker-down':
        if (action.broker >= 0 && action.broker < B) brokerDown(w, action.broker);
        break;
      case 'broker-up':
        if (action.broker >= 0 && action.broker < B) brokerUpAgain(w, action.broker);
        break;
      case 'consumer-crash': {
        const group = groups[action.group];
        const consumer = group?.consumers[action.consumer];
        if (group && consumer) crash(w, group, consumer);
        break;
      }
      case 'consumer-add': {
        const group = groups[action.group];
        if (!group) break;
        group.consumers.push(newConsumer(group.consumers.length, w.nowMs));
        startRebalance(w, group, `consumer ${group.consumers.length - 1} joined`);
        break;
      }
      case 'traffic-spike':
        if (!(action.factor > 0) || !(action.durationMs > 0)) break;
        w.spikeFactor = action.factor;
        w.spikeToken += 1;
        say(`traffic spike: ×${action.factor} for ${action.durationMs} ms`);
        queue.push(w.nowMs + action.durationMs, SPIKE_END, 0, 0, w.spikeToken);
        break;
      case 'poison':
        if (action.count > 0) {
          w.poisonToSend += Math.floor(action.count);
          say(`${Math.floor(action.count)} poison events on their way`);
        }
        break;
      case 'add-group': {
        const topic = w.topics[action.topic ?? 0];
        if (!topic) break;
        const group = addGroup(w, 'replay', topic);
        // Start from the oldest retained event; anything already deleted counts as expired.
        for (let i = 0; i < topic.count; i += 1) {
          const start = (logs[topic.first + i] as PartitionLog).logStartOffset;
          group.committed[i] = start;
          group.position[i] = start;
          group.expired += start;
        }
        startRebalance(w, group, 'new group replays the retained log from offset 0');
        break;
      }
      case 'set-idempotent':
        w.idempotent = action.enabled;
        say(`idempotent consumers ${w.idempotent ? 'on' : 'off'}`);
        break;
    }
  };

  return {
    get timeMs() {
      return w.nowMs;
    },
    advance,
    snapshot: (): SimSnapshot => toPlainSnapshot(viewOf(shapeOf(w), frameOf(w))),
    shape: () => shapeOf(w),
    frame: (reuse) => frameOf(w, reuse),
    apply,
  };
}

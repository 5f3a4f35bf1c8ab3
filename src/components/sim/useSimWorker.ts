import { useEffect, useMemo, useRef, useState } from 'react';
import type { SimSettings } from '../../config/sim-link';
import type { ClusterPlan } from '../../engine/cluster-plan';
import type { SimAction } from '../../sim/types';
import { usePlannerStore } from '../../state/planner-store';
import { useSimStore } from '../../state/sim-store';
import { createSimClient, type SimClient } from '../../workers/sim-client';
import { STEP_MS, type SimCommand } from '../../workers/sim-protocol';
import { usePlanAtRest } from '../hooks/usePlanAtRest';

export interface SimCommands {
  play(): void;
  pause(): void;
  /** Advance STEP_MS of simulated time, paused. */
  step(): void;
  setSpeed(factor: number): void;
  /** Back to time 0 with the same seed; recorded actions replay. */
  reset(): void;
  /** A new seed restarts the run; recorded actions are kept. */
  setSeed(seed: number): void;
  /** New run settings restart the run, as a new seed does; recorded actions are kept. */
  setSettings(settings: SimSettings): void;
  apply(action: SimAction): void;
  /** Forget the recorded actions and start again. */
  clearActions(): void;
  /** After a crash: a fresh worker with the same run. */
  restart(): void;
}

/**
 * Wires the simulation worker's client (src/workers/sim-client.ts: seq, run ids, stale events)
 * to the sim store: create in an effect, destroy on cleanup. The run is the whole cluster (every
 * topic); a new plan restarts it from 0 with an empty timeline: recorded actions belong to the
 * plan they were recorded on. Selecting another topic changes what the page shows of the run,
 * not the run.
 */
export function useSimWorker(): SimCommands {
  // While a slider moves, each step would restart the run in the worker and repaint the view
  // from its first snapshot: work thrown away at the next step. The run follows the plan once
  // the plan stands still.
  const { plan } = usePlanAtRest();
  const clientRef = useRef<(SimClient & { readonly lastSeq: number }) | null>(null);
  /** The last seq sent, for this page's lifetime: a restarted worker's client continues from it. */
  const lastSeqRef = useRef(0);
  const initPlanRef = useRef<ClusterPlan | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const worker = new Worker(new URL('../../workers/sim-worker.ts', import.meta.url), { type: 'module' });
    const client = createSimClient(worker, lastSeqRef.current);
    clientRef.current = client;
    const unsubscribe = client.subscribe(useSimStore.getState().receive);
    const { speed, seed, timeline, settings } = useSimStore.getState();
    client.command({ type: 'speed', factor: speed });
    initPlanRef.current = usePlannerStore.getState().plan;
    useSimStore.getState().started(initPlanRef.current);
    client.init(initPlanRef.current, seed, timeline, settings);
    return () => {
      lastSeqRef.current = client.lastSeq;
      unsubscribe();
      client.destroy();
      clientRef.current = null;
    };
  }, [generation]);

  useEffect(() => {
    const client = clientRef.current;
    if (!client || initPlanRef.current === plan) return;
    // The recorded actions belong to the plan they were recorded on: set aside (and offered back),
    // unless this plan is the one being brought back with them.
    const previous = initPlanRef.current;
    initPlanRef.current = usePlannerStore.getState().plan;
    const timeline = useSimStore.getState().planChanged(previous, initPlanRef.current);
    useSimStore.getState().started(initPlanRef.current);
    const { seed, settings } = useSimStore.getState();
    client.init(initPlanRef.current, seed, timeline, settings);
  }, [plan]);

  return useMemo<SimCommands>(() => {
    const send = (command: SimCommand) => clientRef.current?.command(command);
    const initAgain = () => {
      const { seed, timeline, settings } = useSimStore.getState();
      initPlanRef.current = usePlannerStore.getState().plan;
      store().started(initPlanRef.current);
      clientRef.current?.init(initPlanRef.current, seed, timeline, settings);
    };
    const store = () => useSimStore.getState();
    return {
      // No optimistic `playing`: the answer to play or pause (a snapshot with its seq) sets it,
      // together with the time it stopped at.
      play: () => send({ type: 'play' }),
      pause: () => send({ type: 'pause' }),
      step: () => send({ type: 'step', ms: STEP_MS }),
      setSpeed: (factor) => {
        store().setSpeed(factor);
        send({ type: 'speed', factor });
      },
      reset: () => send({ type: 'reset' }),
      setSeed: (seed) => {
        store().setSeed(seed);
        initAgain();
      },
      setSettings: (settings) => {
        store().setSettings(settings);
        initAgain();
      },
      apply: (action) => send({ type: 'apply', action }),
      clearActions: () => {
        store().clearTimeline();
        initAgain();
      },
      restart: () => {
        store().restarting();
        setGeneration((g) => g + 1);
      },
    };
  }, []);
}

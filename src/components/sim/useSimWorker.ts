import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlanConfig } from '../../engine/plan-config';
import type { SimAction } from '../../sim/types';
import { usePlannerStore } from '../../state/planner-store';
import { useSimStore } from '../../state/sim-store';
import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { useSettledValue } from '../hooks/useSettledValue';
import { isStaleEvent, STEP_MS, type SimCommand, type SimEvent, type SimRequest } from '../../workers/sim-protocol';

/** How long the plan must stand still before the simulation restarts on it. */
const RESTART_SETTLE_MS = 150;

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
  apply(action: SimAction): void;
  /** Forget the recorded actions and start again. */
  clearActions(): void;
  /** After a crash: a fresh worker with the same run. */
  restart(): void;
}

/**
 * Owns the simulation worker (xyflow's useDrag pattern: create in an effect, destroy on
 * cleanup) and turns its events into sim-store state. A new plan restarts the run from 0
 * with an empty timeline: recorded actions belong to the plan they were recorded on.
 *
 * Each command goes out as a SimRequest with the next `seq`; the page shows only what the
 * worker has acknowledged: a snapshot older than the last command sent is ignored
 * (isStaleEvent), and `playing` is the worker's, so after Pause neither the time nor the
 * button moves again until the next command.
 */
export function useSimWorker(): SimCommands {
  // While a slider moves, each step would restart the run in the worker and repaint the view
  // from its first snapshot: work thrown away at the next step. The run follows the plan once
  // the plan stands still.
  const config = useSettledValue(usePlanInTransition(), RESTART_SETTLE_MS);
  const workerRef = useRef<Worker | null>(null);
  const runIdRef = useRef(0);
  /** The seq of the last command sent, for this page's lifetime (a restarted worker continues it). */
  const sentSeqRef = useRef(0);
  const initConfigRef = useRef<PlanConfig | null>(null);
  const [generation, setGeneration] = useState(0);

  const post = useCallback((command: SimCommand) => {
    const worker = workerRef.current;
    if (!worker) return;
    sentSeqRef.current += 1;
    const request: SimRequest = { ...command, seq: sentSeqRef.current };
    worker.postMessage(request);
  }, []);

  const init = useCallback(() => {
    const { seed, timeline } = useSimStore.getState();
    const planConfig = usePlannerStore.getState().config;
    runIdRef.current += 1;
    initConfigRef.current = planConfig;
    post({ type: 'init', runId: runIdRef.current, config: planConfig, seed, timeline });
  }, [post]);

  useEffect(() => {
    const worker = new Worker(new URL('../../workers/sim-worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    worker.onmessage = (message: MessageEvent<SimEvent>) => {
      const event = message.data;
      // A straggler from a run already replaced, or a snapshot taken before the last command.
      if (isStaleEvent(event, runIdRef.current, sentSeqRef.current)) return;
      receive(event);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault(); // handled here: no uncaught error in the page
      useSimStore.setState({ error: event.message || 'The simulation worker could not run.', playing: false });
    };
    worker.onmessageerror = () => useSimStore.setState({ error: 'A message from the simulation could not be read.', playing: false });
    post({ type: 'speed', factor: useSimStore.getState().speed });
    init();
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, [generation, init, post]);

  useEffect(() => {
    if (initConfigRef.current === config) return;
    useSimStore.setState({ timeline: [] });
    init();
  }, [config, init]);

  return useMemo<SimCommands>(
    () => ({
      // No optimistic `playing`: the answer to play or pause (a snapshot with its seq) sets it,
      // together with the time it stopped at.
      play: () => post({ type: 'play' }),
      pause: () => post({ type: 'pause' }),
      step: () => post({ type: 'step', ms: STEP_MS }),
      setSpeed: (factor) => {
        useSimStore.setState({ speed: factor });
        post({ type: 'speed', factor });
      },
      reset: () => post({ type: 'reset' }),
      setSeed: (seed) => {
        useSimStore.setState({ seed });
        init();
      },
      apply: (action) => post({ type: 'apply', action }),
      clearActions: () => {
        useSimStore.setState({ timeline: [] });
        init();
      },
      restart: () => {
        useSimStore.setState({ error: null, playing: false, snapshot: null });
        setGeneration((g) => g + 1);
      },
    }),
    [init, post],
  );
}

function receive(event: SimEvent): void {
  switch (event.type) {
    case 'snapshot':
      useSimStore.setState({
        snapshot: event.snapshot,
        snapshotAtMs: performance.now(),
        playing: event.playing,
        speed: event.speed,
        achievedSpeed: event.achievedSpeed,
      });
      break;
    case 'timeline':
      useSimStore.setState({ timeline: event.timeline, notice: null });
      break;
    case 'notice':
      useSimStore.setState({ notice: event.message });
      break;
    case 'error':
      useSimStore.setState({ error: event.message, playing: false });
      break;
  }
}

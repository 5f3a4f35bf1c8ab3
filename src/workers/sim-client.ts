import type { SimSettings } from '../config/sim-link';
import type { ClusterPlan } from '../engine/cluster-plan';
import type { TimedAction } from '../sim/types';
import { isStaleEvent, type SimCommand, type SimEvent, type SimRequest } from './sim-protocol';

/** What the client needs of a Worker (a real one in the page, an in-process host in tests). */
export interface WorkerPort {
  postMessage(request: SimRequest): void;
  onmessage: ((message: MessageEvent<SimEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

/** What the page hears: the worker's events that are current, and the worker failing. */
export type SimClientEvent = SimEvent | { readonly type: 'failed'; readonly message: string };

export interface SimClient {
  /** A new run (the next run id) of this plan (every topic), seed, recorded actions and settings. */
  init(plan: ClusterPlan, seed: number, timeline: readonly TimedAction[], settings: SimSettings): void;
  /** A command to the current run, with the next seq. */
  command(command: SimCommand): void;
  /** Events of the current run, stale ones left out; returns the unsubscribe. */
  subscribe(listener: (event: SimClientEvent) => void): () => void;
  /** Stops the worker; the client ignores everything after. */
  destroy(): void;
}

/**
 * The simulation worker from the page's side, free of React (xyflow's XYDrag pattern: create,
 * command, subscribe, destroy; a thin hook wires it to the store). Every request carries the
 * next `seq`, every init the next run id; an event from a run already replaced, or a snapshot
 * taken before the last command sent, is dropped (isStaleEvent), so the page shows only what
 * the worker has acknowledged. `seq` continues across clients (`firstSeq`), so a restarted
 * worker never answers with a seq the page has already passed.
 */
export function createSimClient(port: WorkerPort, firstSeq = 0): SimClient & { readonly lastSeq: number } {
  let runId = 0;
  let sentSeq = firstSeq;
  let destroyed = false;
  const listeners = new Set<(event: SimClientEvent) => void>();
  const emit = (event: SimClientEvent) => {
    if (destroyed) return;
    for (const listener of listeners) listener(event);
  };
  const send = (command: SimCommand) => {
    if (destroyed) return;
    sentSeq += 1;
    port.postMessage({ ...command, seq: sentSeq } as SimRequest);
  };
  port.onmessage = (message) => {
    if (!isStaleEvent(message.data, runId, sentSeq)) emit(message.data);
  };
  port.onerror = (event) => {
    event.preventDefault(); // handled here: no uncaught error in the page
    emit({ type: 'failed', message: event.message || 'The simulation worker could not run.' });
  };
  port.onmessageerror = () => emit({ type: 'failed', message: 'A message from the simulation could not be read.' });
  return {
    get lastSeq() {
      return sentSeq;
    },
    init(plan, seed, timeline, settings) {
      runId += 1;
      send({ type: 'init', runId, plan, seed, timeline, settings });
    },
    command: send,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      listeners.clear();
      port.onmessage = null;
      port.onerror = null;
      port.onmessageerror = null;
      port.terminate();
    },
  };
}

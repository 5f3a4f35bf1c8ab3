import type { SimSettings } from '../config/sim-link';
import type { ClusterPlan } from '../engine/cluster-plan';
import { frameBuffers, viewOf } from '../sim/snapshot-view';
import type { SimFrame, SimShape, SimView, TimedAction } from '../sim/types';
import { isStaleEvent, type SimCommand, type SimEvent, type SimMessage, type SimRequest } from './sim-protocol';

/** What the client needs of a Worker (a real one in the page, an in-process host in tests). */
export interface WorkerPort {
  postMessage(message: SimMessage, transfer: Transferable[]): void;
  onmessage: ((message: MessageEvent<SimEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

type SnapshotEvent = Extract<SimEvent, { type: 'snapshot' }>;

/**
 * What the page hears: the worker's events that are current, each snapshot as a view of its
 * frame (src/sim/snapshot-view.ts), and the worker failing.
 */
export type SimClientEvent =
  | Exclude<SimEvent, { type: 'snapshot' | 'shape' }>
  | (Omit<SnapshotEvent, 'frame'> & { readonly snapshot: SimView })
  | { readonly type: 'failed'; readonly message: string };

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
 *
 * Snapshots come as frames whose buffers the worker transferred; the client shows each as a view
 * with its run's shape and keeps the newest two frames (the one shown and the one before, which
 * React may still compare with), handing older ones back to be refilled. A view older than the
 * one before the newest must not be read: its arrays belong to the worker again.
 */
export function createSimClient(port: WorkerPort, firstSeq = 0): SimClient & { readonly lastSeq: number } {
  let runId = 0;
  let sentSeq = firstSeq;
  let destroyed = false;
  let shape: SimShape | null = null;
  const kept: SimFrame[] = [];
  const listeners = new Set<(event: SimClientEvent) => void>();
  const emit = (event: SimClientEvent) => {
    if (destroyed) return;
    for (const listener of listeners) listener(event);
  };
  const send = (command: SimCommand) => {
    if (destroyed) return;
    sentSeq += 1;
    port.postMessage({ ...command, seq: sentSeq } as SimRequest, []);
  };
  const recycle = (frame: SimFrame) => {
    if (!destroyed) port.postMessage({ type: 'recycle', columns: frame.columns }, frameBuffers(frame));
  };
  port.onmessage = (message) => {
    const event = message.data;
    const stale = isStaleEvent(event, runId, sentSeq);
    if (event.type === 'shape') {
      if (!stale) shape = event.shape;
    } else if (event.type === 'snapshot') {
      if (stale || !shape) return recycle(event.frame);
      const { frame, ...rest } = event;
      kept.push(frame);
      if (kept.length > 2) recycle(kept.shift() as SimFrame);
      emit({ ...rest, snapshot: viewOf(shape, frame) });
    } else if (!stale) emit(event);
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

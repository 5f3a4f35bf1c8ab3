import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { DEFAULT_SIM_SETTINGS, type SimSettings } from '../config/sim-link';
import { singleTopicPlan } from '../engine/cluster-plan';
import type { ClusterPlan } from '../engine/cluster-plan';
import { createClusterSimulation } from '../sim/index';
import type { SimColumns, SimOptions } from '../sim/types';
import { createSimClient, type SimClientEvent, type WorkerPort } from './sim-client';
import { SimHost } from './sim-host';
import type { SimEvent, SimMessage, SimRequest } from './sim-protocol';

/**
 * A worker port backed by a SimHost in this process; its events wait until the test delivers
 * them. Messages cross a structured clone with their transfer lists, as between threads: a
 * frame sent is detached on the side that sent it.
 */
function hostedPort() {
  const outbox: SimEvent[] = [];
  const requests: SimRequest[] = [];
  const recycled: SimColumns[] = [];
  /** Per frame the sim wrote: whether it went into a frame handed back. */
  const refilled: boolean[] = [];
  let terminated = false;
  const createSimulation = (plan: ClusterPlan, options?: SimOptions) => {
    const sim = createClusterSimulation(plan, options);
    const frame = sim.frame;
    return Object.assign(sim, {
      frame: (reuse?: SimColumns) => {
        const written = frame(reuse);
        refilled.push(reuse !== undefined && written.columns === reuse);
        return written;
      },
    });
  };
  const host = new SimHost({ createSimulation, nowMs: () => 0, schedule: () => {}, post: (event, transfer = []) => outbox.push(structuredClone(event, { transfer })) });
  const port: WorkerPort = {
    postMessage: (message: SimMessage, transfer: Transferable[]) => {
      const received = structuredClone(message, { transfer });
      if (received.type === 'recycle') recycled.push(received.columns);
      else requests.push(received);
      host.handle(received);
    },
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    terminate: () => {
      terminated = true;
    },
  };
  return {
    port,
    outbox,
    requests,
    recycled,
    refilled,
    /** Hands the queued events to the client, in order. */
    deliver(events: SimEvent[] = outbox.splice(0)) {
      for (const data of events) port.onmessage?.({ data } as MessageEvent<SimEvent>);
    },
    get terminated() {
      return terminated;
    },
  };
}

const config = singleTopicPlan({ ...DEFAULT_CONFIG, eventsPerSec: 1_000, partitions: 3, consumersPerGroup: 3, processingMs: 1 });

describe('the simulation worker client (no React)', () => {
  it('numbers every request and drops what is stale: a snapshot older than the last command, or from a replaced run', () => {
    const worker = hostedPort();
    const client = createSimClient(worker.port, 41);
    const heard: SimClientEvent[] = [];
    client.subscribe((event) => heard.push(event));

    client.init(config, 7, [], DEFAULT_SIM_SETTINGS);
    client.command({ type: 'step', ms: 100 });
    expect(client.lastSeq).toBe(43); // continues from 41
    worker.deliver();
    // The init's answer (seq 42) is older than the step sent after it: only the step's is shown.
    const snapshots = heard.filter((e): e is Extract<SimClientEvent, { type: 'snapshot' }> => e.type === 'snapshot');
    expect(snapshots.map((e) => [e.seq, e.snapshot.timeMs])).toEqual([[43, 100]]);

    // A run replaced before its events arrive: they are dropped, the new run's are shown.
    client.command({ type: 'step', ms: 100 });
    const oldRun = worker.outbox.splice(0);
    client.init(config, 8, [], DEFAULT_SIM_SETTINGS);
    worker.deliver([...oldRun, ...worker.outbox.splice(0)]);
    const latest = heard.filter((e): e is Extract<SimClientEvent, { type: 'snapshot' }> => e.type === 'snapshot').at(-1);
    expect(latest?.snapshot.seed).toBe(8);
    expect(latest?.snapshot.timeMs).toBe(0);
    expect(heard.filter((e) => e.type === 'snapshot' && e.snapshot.timeMs === 200)).toHaveLength(0);
  });

  it('sends the run settings with init, and the run follows them', () => {
    const snapshotAfterOneSecond = (settings: SimSettings) => {
      const worker = hostedPort();
      const client = createSimClient(worker.port);
      const heard: SimClientEvent[] = [];
      client.subscribe((event) => heard.push(event));
      client.init(config, 1, [], settings);
      client.command({ type: 'step', ms: 1_000 });
      worker.deliver();
      expect(worker.requests[0]).toMatchObject({ type: 'init', seed: 1, settings });
      const last = heard.at(-1);
      if (last?.type !== 'snapshot') throw new Error('no snapshot');
      return last.snapshot;
    };
    const constant = snapshotAfterOneSecond({ arrivals: 'constant', service: 'constant', rebalanceProtocol: 'consumer' });
    const random = snapshotAfterOneSecond(DEFAULT_SIM_SETTINGS);
    expect(constant.timeMs).toBe(1_000);
    // Same seed and plan: only the settings differ, and so does the run.
    expect(constant.measurements).not.toEqual(random.measurements);
  });

  it('turns a worker error into a "failed" event the page shows (and stops the browser reporting it)', () => {
    const worker = hostedPort();
    const client = createSimClient(worker.port);
    const heard: SimClientEvent[] = [];
    client.subscribe((event) => heard.push(event));
    let prevented = false;
    worker.port.onerror?.({ message: '', preventDefault: () => { prevented = true; } } as unknown as ErrorEvent);
    worker.port.onmessageerror?.({} as MessageEvent);
    expect(prevented).toBe(true);
    expect(heard).toEqual([
      { type: 'failed', message: 'The simulation worker could not run.' },
      { type: 'failed', message: 'A message from the simulation could not be read.' },
    ]);
  });

  it('after destroy the worker is stopped, nothing is sent and nothing is heard', () => {
    const worker = hostedPort();
    const client = createSimClient(worker.port);
    const heard: SimClientEvent[] = [];
    client.subscribe((event) => heard.push(event));
    client.init(config, 1, [], DEFAULT_SIM_SETTINGS);
    const pending = worker.outbox.splice(0);
    client.destroy();
    expect(worker.terminated).toBe(true);
    client.command({ type: 'play' });
    expect(worker.outbox).toHaveLength(0);
    worker.deliver(pending);
    expect(heard).toHaveLength(0);
  });

  it('keeps the newest two frames and hands older ones back; the worker writes the next snapshots into them', () => {
    const worker = hostedPort();
    const client = createSimClient(worker.port);
    const views: Extract<SimClientEvent, { type: 'snapshot' }>['snapshot'][] = [];
    client.subscribe((event) => {
      if (event.type === 'snapshot') views.push(event.snapshot);
    });
    client.init(config, 3, [], DEFAULT_SIM_SETTINGS);
    worker.deliver();
    for (let i = 0; i < 6; i += 1) {
      client.command({ type: 'step', ms: 100 });
      worker.deliver();
    }
    expect(views.map((v) => v.timeMs)).toEqual([0, 100, 200, 300, 400, 500, 600]);
    expect(worker.recycled).toHaveLength(5);
    // The frames handed back went in as the worker's next snapshots: nothing allocated after the third.
    expect(worker.refilled).toEqual([false, false, false, true, true, true, true]);
    // The two kept still read whole; one handed back has no columns left on this side.
    for (const view of views.slice(-2)) {
      let logEnds = 0;
      for (let p = 0; p < view.partitions.length; p += 1) logEnds += view.partitions.logEndOffset(p);
      expect(logEnds).toBe(view.produced);
      expect(view.produced).toBeGreaterThan(0);
    }
    expect(views[0]!.partitions.logEndOffset(0)).toBeUndefined(); // its buffer is the worker's again
  });

  it('hands a stale snapshot straight back without showing it', () => {
    const worker = hostedPort();
    const client = createSimClient(worker.port);
    const heard: SimClientEvent[] = [];
    client.subscribe((event) => heard.push(event));
    client.init(config, 3, [], DEFAULT_SIM_SETTINGS);
    client.command({ type: 'step', ms: 100 });
    worker.deliver(); // the init's answer is older than the step
    expect(heard.filter((e) => e.type === 'snapshot')).toHaveLength(1);
    expect(worker.recycled).toHaveLength(1);
  });

  it('an unsubscribed listener hears nothing more', () => {
    const worker = hostedPort();
    const client = createSimClient(worker.port);
    const heard: SimClientEvent[] = [];
    const unsubscribe = client.subscribe((event) => heard.push(event));
    client.init(config, 1, [], DEFAULT_SIM_SETTINGS);
    unsubscribe();
    worker.deliver();
    expect(heard).toHaveLength(0);
  });
});

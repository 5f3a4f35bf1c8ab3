/// <reference lib="webworker" />
import { createClusterSimulation } from '../sim/index';
import { SimHost } from './sim-host';
import type { SimEvent, SimMessage } from './sim-protocol';

/**
 * The module Web Worker that hosts one simulation, so a long advance never blocks the page.
 * All logic lives in SimHost (tested in Node); this file only wires it to the worker scope.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new SimHost({
  createSimulation: createClusterSimulation,
  nowMs: () => performance.now(),
  schedule: (fn, delayMs) => {
    setTimeout(fn, delayMs);
  },
  post: (event: SimEvent, transfer = []) => scope.postMessage(event, transfer),
});

scope.onmessage = (message: MessageEvent<SimMessage>) => host.handle(message.data);

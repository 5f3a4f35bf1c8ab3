/// <reference lib="webworker" />
import { recommendCluster } from '../engine/recommend-cluster';
import type { RecommendRequest, RecommendResponse } from './recommend-protocol';

/**
 * The cluster recommendation off the page's thread: it searches every broker type of the
 * catalogue (tens of milliseconds for one topic, about a second for fifty), which would otherwise
 * hold up the next slider step. Wiring only: the search is src/engine/recommend-cluster.ts.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<RecommendRequest>) => {
  const { id, plan, types } = message.data;
  const response: RecommendResponse = { id, recommendation: recommendCluster(plan, types) };
  scope.postMessage(response);
};

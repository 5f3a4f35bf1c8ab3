import { useEffect, useSyncExternalStore } from 'react';
import type { ClusterPlan } from '../../engine/cluster-plan';
import { recommendCluster, type BrokerTypeOption, type ClusterRecommendation } from '../../engine/recommend-cluster';
import type { RecommendRequest, RecommendResponse } from '../../workers/recommend-protocol';

/** The recommendation and the plan it was sized for (it may be behind the plan on screen). */
export interface SizedRecommendation {
  readonly plan: ClusterPlan;
  readonly recommendation: ClusterRecommendation;
}

/**
 * One sizing for the whole page: every component asking for the same plan shares one worker,
 * one request and one answer (the key answers and the recommendation panel both show it).
 */
let worker: Worker | null = null;
let workerFailed = false;
let latest: { id: number; plan: ClusterPlan; types: readonly BrokerTypeOption[] } | null = null;
let answer: SizedRecommendation | null = null;
const listeners = new Set<() => void>();

function publish(sized: SizedRecommendation): void {
  answer = sized;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function request(plan: ClusterPlan, types: readonly BrokerTypeOption[]): void {
  if (latest && latest.plan === plan && latest.types === types) return; // asked already
  latest = { id: (latest?.id ?? 0) + 1, plan, types };
  if (typeof Worker === 'undefined' || workerFailed) {
    publish({ plan, recommendation: recommendCluster(plan, types) });
    return;
  }
  if (!worker) {
    worker = new Worker(new URL('../../workers/recommend-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (message: MessageEvent<RecommendResponse>) => {
      // Only the answer to the latest request: an older plan's would flash stale counts.
      if (latest && message.data.id === latest.id) publish({ plan: latest.plan, recommendation: message.data.recommendation });
    };
    worker.onerror = () => {
      workerFailed = true;
      if (latest) publish({ plan: latest.plan, recommendation: recommendCluster(latest.plan, latest.types) });
    };
  }
  const message: RecommendRequest = { id: latest.id, plan, types };
  worker.postMessage(message);
}

/**
 * Sizes `plan` in a Web Worker and returns the newest answer; answers to plans since replaced are
 * dropped. Where workers are missing (or the worker fails) it sizes on this thread instead.
 */
export function useClusterRecommendation(plan: ClusterPlan, types: readonly BrokerTypeOption[]): SizedRecommendation | null {
  const sized = useSyncExternalStore(subscribe, () => answer);
  useEffect(() => request(plan, types), [plan, types]);
  return sized;
}

/**
 * The recommendation for `plan` as it is now: the shown answer if it is for that plan, else sized
 * here (an Apply clicked while a slider still moves must not set counts sized for an older plan).
 */
export function recommendationNow(sized: SizedRecommendation | null, plan: ClusterPlan, types: readonly BrokerTypeOption[]): ClusterRecommendation {
  return sized && sized.plan === plan ? sized.recommendation : recommendCluster(plan, types);
}

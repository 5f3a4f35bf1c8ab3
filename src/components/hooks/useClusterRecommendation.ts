import { useEffect, useRef, useState } from 'react';
import type { ClusterPlan } from '../../engine/cluster-plan';
import { recommendCluster, type BrokerTypeOption, type ClusterRecommendation } from '../../engine/recommend-cluster';
import type { RecommendRequest, RecommendResponse } from '../../workers/recommend-protocol';

/** The recommendation and the plan it was sized for (it may be behind the plan on screen). */
export interface SizedRecommendation {
  readonly plan: ClusterPlan;
  readonly recommendation: ClusterRecommendation;
}

/**
 * Sizes `plan` in a Web Worker and returns the newest answer; answers to plans since replaced are
 * dropped. Where workers are missing (or the worker fails) it sizes on this thread instead.
 */
export function useClusterRecommendation(plan: ClusterPlan, types: readonly BrokerTypeOption[]): SizedRecommendation | null {
  const [sized, setSized] = useState<SizedRecommendation | null>(null);
  const worker = useRef<Worker | null>(null);
  const pending = useRef<{ id: number; plan: ClusterPlan }>({ id: 0, plan });
  const failed = useRef(false);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const w = new Worker(new URL('../../workers/recommend-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (message: MessageEvent<RecommendResponse>) => {
      // Only the answer to the latest request: an older plan's would flash stale counts.
      if (message.data.id === pending.current.id) setSized({ plan: pending.current.plan, recommendation: message.data.recommendation });
    };
    w.onerror = () => {
      failed.current = true;
      setSized({ plan: pending.current.plan, recommendation: recommendCluster(pending.current.plan, types) });
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [types]);

  useEffect(() => {
    const id = pending.current.id + 1;
    pending.current = { id, plan };
    const w = worker.current;
    if (!w || failed.current) {
      setSized({ plan, recommendation: recommendCluster(plan, types) });
      return;
    }
    const request: RecommendRequest = { id, plan, types };
    w.postMessage(request);
  }, [plan, types]);

  return sized;
}

import type { ClusterPlan } from '../engine/cluster-plan';
import type { BrokerTypeOption, ClusterRecommendation } from '../engine/recommend-cluster';

/** Page → worker: size this plan over these broker types. `id` pairs the answer with its request. */
export interface RecommendRequest {
  readonly id: number;
  readonly plan: ClusterPlan;
  readonly types: readonly BrokerTypeOption[];
}

/** Worker → page: the recommendation for request `id` (plain data, structured-cloned). */
export interface RecommendResponse {
  readonly id: number;
  readonly recommendation: ClusterRecommendation;
}

import type { ClusterPlan } from '../../engine/cluster-plan';
import type { ClusterMetrics } from '../../engine/compute-metrics';
import type { BaselinePlan } from './baseline';

/** The pinned plan as the cluster charts (traffic, storage) read it: also as a cluster with its metrics. */
export interface ClusterBaseline extends BaselinePlan {
  readonly plan: ClusterPlan;
  readonly clusterMetrics: ClusterMetrics;
}

import type { CostLineId } from '../../engine/cost';

/** The price input of each cost line (URL names, src/config/schema.ts). */
export const PRICE_OF: Record<CostLineId, string> = {
  brokers: 'priceBrokerHour',
  storage: 'priceStorage',
  'client-cross-zone': 'priceCrossZone',
  'replication-cross-zone': 'priceReplication',
};

/** The inputs the cost panel edits beside its lines; the assumptions panel leaves them to it. */
export const COST_INPUTS: readonly string[] = [...Object.values(PRICE_OF), 'nearestReplica'];

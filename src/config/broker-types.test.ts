import { describe, expect, it } from 'vitest';
import { usePlannerStore } from '../state/planner-store';
import { BROKER_TYPES, brokerTypeById, brokerTypeLabel, brokerTypeValues, DEFAULT_BROKER_TYPE } from './broker-types';
import { DEFAULT_CONFIG, isValidValue, PARAMS } from './schema';

describe('the broker-type catalogue', () => {
  it("the schema's defaults are exactly kafka.m5.2xlarge", () => {
    expect(brokerTypeLabel(DEFAULT_CONFIG, DEFAULT_BROKER_TYPE)).toBe('kafka.m5.2xlarge');
    // EC2 m5.2xlarge: 2.5 Gbit/s baseline = 312,500,000 B/s = 298.02 MiB/s.
    expect(brokerTypeById('kafka.m5.2xlarge')!.baselineNetworkMiBPerSec).toBe(298);
  });

  it('a changed assumption makes the plan "custom (based on …)"', () => {
    expect(brokerTypeLabel({ ...DEFAULT_CONFIG, brokerNetworkMiBPerSec: 500 }, DEFAULT_BROKER_TYPE)).toBe('custom (based on kafka.m5.2xlarge)');
    expect(brokerTypeLabel(DEFAULT_CONFIG, 'custom')).toBe('custom');
  });

  it('holds m5 and m7g from large up, every value it sets within the schema', () => {
    const ids = BROKER_TYPES.map((t) => t.id);
    expect(ids.filter((id) => id.startsWith('kafka.m5.'))[0]).toBe('kafka.m5.large');
    expect(ids.filter((id) => id.startsWith('kafka.m7g.'))[0]).toBe('kafka.m7g.large');
    expect(new Set(ids).size).toBe(ids.length);
    for (const type of BROKER_TYPES) {
      expect(type.maxProvisionedStorageMiBPerSec).toBeGreaterThanOrEqual(type.storageMiBPerSec);
      for (const [field, value] of Object.entries(brokerTypeValues(type))) {
        const spec = PARAMS.find((p) => p.field === field)!;
        expect(isValidValue(spec, value as number), `${type.id} ${field}`).toBe(true);
      }
    }
  });

  it('choosing a type in the store sets the assumptions it defines', () => {
    usePlannerStore.getState().setBrokerType('kafka.m7g.4xlarge');
    const { config, plan } = usePlannerStore.getState();
    expect(plan.brokerType).toBe('kafka.m7g.4xlarge');
    expect(config.brokerMemoryGiB).toBe(64);
    expect(config.replicasPerBrokerLimit).toBe(4000);
    expect(config.brokerPricePerHour).toBe(1.632);
    expect(brokerTypeLabel(config, plan.brokerType)).toBe('kafka.m7g.4xlarge');
    usePlannerStore.getState().setValue('brokerMemoryGiB', 128);
    const after = usePlannerStore.getState();
    expect(brokerTypeLabel(after.config, after.plan.brokerType)).toBe('custom (based on kafka.m7g.4xlarge)');
    usePlannerStore.getState().setBrokerType(DEFAULT_BROKER_TYPE);
  });
});

import { useId } from 'react';
import { BROKER_TYPES, brokerTypeById, brokerTypeLabel, CATALOGUE_READ_ON, CATALOGUE_REGION, CUSTOM_BROKER_TYPE } from '../../config/broker-types';
import { formatNumber } from '../../lib/format';
import { usePlannerStore } from '../../state/planner-store';

/** The broker type: choosing one sets the assumptions it defines; a changed value makes it "custom (based on …)". */
export function BrokerTypeSelect() {
  const id = useId();
  // Strings, not the plan: a slider step re-renders this only when the label changes.
  const brokerType = usePlannerStore((state) => state.plan.brokerType);
  const label = usePlannerStore((state) => brokerTypeLabel(state.config, state.plan.brokerType));
  const type = brokerTypeById(brokerType);
  const isCustom = label !== brokerType;
  return (
    <div className="space-y-1 lg:grid lg:grid-cols-[8.5rem_minmax(0,1fr)] lg:items-center lg:gap-x-2 lg:space-y-0">
      <label htmlFor={id} className="block font-medium lg:text-sm">
        Broker type
      </label>
      <select
        id={id}
        data-testid="broker-type-select"
        data-value={label}
        value={isCustom ? CUSTOM_BROKER_TYPE : brokerType}
        onChange={(event) => usePlannerStore.getState().setBrokerType(event.target.value)}
        aria-describedby={`${id}-about`}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 lg:py-0.5 lg:text-sm dark:border-slate-600 dark:bg-slate-800"
      >
        <option value={CUSTOM_BROKER_TYPE}>{isCustom ? label : 'custom'}</option>
        {BROKER_TYPES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.id} — {t.vcpu} vCPU, {t.memoryGiB} GiB, {formatNumber(t.pricePerHour, 3)} USD/h
          </option>
        ))}
      </select>
      <p id={`${id}-about`} className="text-xs text-slate-500 md:sr-only dark:text-slate-400">
        {type
          ? `${type.id}: baseline network ${formatNumber(type.baselineNetworkMiBPerSec, 0)} MiB/s, storage throughput ${formatNumber(type.storageMiBPerSec, 0)} MiB/s (provisioned up to ${formatNumber(type.maxProvisionedStorageMiBPerSec, 1)}), ${formatNumber(type.recommendedReplicas, 0)} partition replicas a broker, ${formatNumber(type.pricePerHour, 3)} USD an hour in ${CATALOGUE_REGION} (AWS MSK, read ${CATALOGUE_READ_ON}). `
          : 'Your own broker limits and prices (Assumptions). '}
        {isCustom && type ? 'Some assumptions differ from it: the plan uses yours.' : ''}
      </p>
    </div>
  );
}

import { memo, useId } from 'react';
import type { FocusOption } from '../../render/sim-focus';

const FIELD = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';
const SECTIONS = ['Topics', 'Brokers', 'Partitions'] as const;

/**
 * "Show": what the canvas draws in detail — the whole cluster, a topic, a broker's replicas, or
 * a range of a large topic's partitions. Memoised: its options are the same array while the
 * run's topics and brokers are (focusOptions), so snapshots do not re-render it.
 */
export const SimFocusSelect = memo(function SimFocusSelect(props: { options: readonly FocusOption[]; value: string; onChange: (value: string) => void }) {
  const { options, value, onChange } = props;
  const id = useId();
  return (
    <div className="mt-1 flex min-w-0 items-center gap-2 text-xs">
      <label htmlFor={id}>Show</label>
      <select id={id} data-testid="sim-focus" className={`${FIELD} min-w-0 max-w-full`} value={value} disabled={options.length === 0} onChange={(e) => onChange(e.target.value)}>
        {options
          .filter((option) => option.section === '')
          .map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        {SECTIONS.map((section) => {
          const inSection = options.filter((option) => option.section === section);
          return inSection.length === 0 ? null : (
            <optgroup key={section} label={section}>
              {inSection.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
});

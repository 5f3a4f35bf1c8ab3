import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { useBaselineStore } from '../../state/baseline-store';
import { usePlannerStore } from '../../state/planner-store';
import { loadedIfUnchanged, useScenarioSession } from '../../state/scenario-session';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, SUBHEADING } from '../scenarios/styles';

/** Pin the current plan as a baseline (every metric card then shows the difference), or clear it. */
export function CompareControls() {
  const { config } = usePlanInTransition();
  const loaded = loadedIfUnchanged(
    useScenarioSession((state) => state.loaded),
    config,
  );
  const baseline = useBaselineStore((state) => state.baseline);
  const baselineName = useBaselineStore((state) => state.baselineName);
  const pin = useBaselineStore((state) => state.pin);
  const clear = useBaselineStore((state) => state.clear);

  return (
    <div role="group" aria-labelledby="compare-heading" className="space-y-2">
      <h3 id="compare-heading" className={SUBHEADING}>
        Compare
      </h3>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => pin(usePlannerStore.getState().config, loaded?.name ?? 'Baseline')} className={PRIMARY_BUTTON}>
          Pin as baseline
        </button>
        <button type="button" onClick={clear} disabled={!baseline} className={SECONDARY_BUTTON}>
          Clear baseline
        </button>
      </div>
      <p role="status" data-testid="baseline-status" className="text-xs text-slate-600 dark:text-slate-300">
        {baseline
          ? `Comparing with “${baselineName}”${baseline === config ? ' (the current plan: change something to see differences)' : ''}. Every metric shows the baseline's value and the difference. The baseline stays in this page only; it is not part of the link.`
          : 'Pin the current plan, then change things: every metric shows its baseline value and the difference.'}
      </p>
    </div>
  );
}

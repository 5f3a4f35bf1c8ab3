import { lazy, Suspense, useState } from 'react';
import { PARAMS, type ParamSpec } from '../config/schema';
import { brokerTypeLabel } from '../config/broker-types';
import { usePlannerStore } from '../state/planner-store';
import { COST_INPUTS } from './cluster/cost-inputs';
import { ParamControl } from './ParamControl';

// The prices and the nearest-replica switch sit with the cost lines they change.
const ASSUMPTIONS: readonly ParamSpec[] = PARAMS.filter((spec) => spec.group === 'assumption' && !COST_INPUTS.includes(spec.name));
// Its own chunk, fetched when the panel opens: the perf-test reading is not on the first screen.
const CalibratePanel = lazy(() => import('./CalibratePanel').then((m) => ({ default: m.CalibratePanel })));

/** Every constant the model uses, editable, each with its source. Changing one changes the link. */
export function AssumptionsPanel() {
  // A string, not the plan: a slider step does not re-render the panel.
  const brokerLabel = usePlannerStore((state) => brokerTypeLabel(state.config, state.plan.brokerType));
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <summary className="cursor-pointer text-lg font-semibold">Assumptions</summary>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        The constants behind the numbers, with where each comes from. Change any of them: it becomes part of the plan and of its link.
      </p>
      <p data-testid="broker-type" className="mt-1 text-sm">
        Broker limits describe one real broker: <strong className="font-medium">{brokerLabel}</strong> — its baseline
        network (not its burst), its default volume throughput (reads and writes together), its memory and the partition replicas AWS recommends
        for it (MSK developer guide; EC2 network bandwidth docs). Choose another under “Broker type”.
      </p>
      {open && (
        <Suspense fallback={<p className="mt-3 text-sm">Loading the calibration…</p>}>
          <CalibratePanel />
        </Suspense>
      )}
      <div className="mt-3 space-y-4">
        {ASSUMPTIONS.map((spec) => (
          <div key={spec.name}>
            <ParamControl spec={spec} />
            <p className="text-xs text-slate-500 dark:text-slate-400">Source: {spec.source}</p>
          </div>
        ))}
      </div>
    </details>
  );
}

import { usePlannerStore } from '../../state/planner-store';
import { useSimStore } from '../../state/sim-store';

/**
 * A recorded run belongs to the plan it was recorded on: when the plan changes, its actions are
 * set aside, not lost. This says so at the top and brings back that plan with its run in one
 * click (or is dismissed).
 */
export function SetAsideRunNotice() {
  const aside = useSimStore((s) => s.setAside);
  if (!aside) return null;
  const count = aside.timeline.length;
  const bringBack = () => {
    const planner = usePlannerStore.getState();
    planner.replacePlan(aside.plan, [], Math.min(planner.selectedTopic, aside.plan.topics.length - 1));
    useSimStore.getState().restoreSetAside(usePlannerStore.getState().plan);
  };
  return (
    <div role="status" data-testid="set-aside-run" className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-amber-500 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950">
      <p>
        The plan changed, so the recorded run ({count} action{count === 1 ? '' : 's'}) was set aside: it belongs to the plan it was recorded on.
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={bringBack} className="rounded bg-teal-700 px-3 py-1 font-medium text-white hover:bg-teal-800">
          Bring back that plan and its run
        </button>
        <button type="button" onClick={() => useSimStore.getState().dismissSetAside()} className="rounded border border-slate-400 px-3 py-1">
          Dismiss
        </button>
      </div>
    </div>
  );
}

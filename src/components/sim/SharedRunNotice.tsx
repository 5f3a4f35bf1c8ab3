import { formatNumber } from '../../lib/format';
import { useSimStore } from '../../state/sim-store';

/**
 * A link that carries a recorded run (kill a broker at 2 s, …) says so at the top, with the one
 * click that replays it: the simulation plays and comes into view. Gone once the run plays or
 * the plan changes (a new plan starts a new run without the recorded actions).
 */
export function SharedRunNotice() {
  const actions = useSimStore((s) => s.sharedRunActions);
  const first = useSimStore((s) => s.timeline[0]);
  if (actions === 0) return null;
  const firstWords = first ? `, the first at ${formatNumber(first.atMs / 1000, 1)} s: ${first.action.type.replace(/-/g, ' ')}` : '';
  return (
    <div role="status" data-testid="shared-run" className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-teal-700 bg-teal-50 px-3 py-2 text-sm dark:bg-teal-950">
      <p>
        This link carries a recorded run: {actions} action{actions === 1 ? '' : 's'}
        {firstWords}.
      </p>
      <button type="button" onClick={() => useSimStore.getState().requestPlay()} className="rounded bg-teal-700 px-3 py-1 font-medium text-white hover:bg-teal-800">
        Replay the recorded run
      </button>
    </div>
  );
}

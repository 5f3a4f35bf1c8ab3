import { PARAMS } from '../config/schema';
import { usePlannerStore } from '../state/planner-store';
import { useSliderModeStore } from '../state/slider-mode-store';
import { ParamControl } from './ParamControl';
import { BrokerTypeSelect } from './topics/BrokerTypeSelect';
import { TopicList } from './topics/TopicList';

const PLAN_INPUTS = PARAMS.filter((spec) => spec.group === 'plan');
const CLUSTER_INPUTS = PLAN_INPUTS.filter((spec) => !('scope' in spec));
const TOPIC_INPUTS = PLAN_INPUTS.filter((spec) => 'scope' in spec);

/** The cluster's inputs first (they stay in view), then the topics and the selected topic's sliders. */
export function ControlsPanel() {
  // Not the plan itself: this panel does not re-render at every slider step.
  const several = usePlannerStore((state) => state.plan.topics.length > 1);
  const selectedName = usePlannerStore((state) => state.plan.topics[state.selectedTopic]?.name);
  const fine = useSliderModeStore((state) => state.fine);
  return (
    <section aria-labelledby="controls-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 lg:space-y-2 lg:p-3 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="controls-heading" className="text-lg font-semibold lg:text-base">
        Your plan
      </h2>
      <div className="space-y-4 lg:space-y-0.5" data-testid="cluster-inputs">
        <h3 className="font-medium lg:text-sm">Cluster</h3>
        <BrokerTypeSelect />
        {CLUSTER_INPUTS.map((spec) => (
          <ParamControl key={spec.name} spec={spec} />
        ))}
      </div>
      <TopicList />
      <div className="space-y-4 lg:space-y-0.5" data-testid="topic-inputs">
        {/* From lg up the topic list beside it marks the selected topic: the heading is for screen readers there. */}
        {several && <h3 className="font-medium lg:sr-only">Topic “{selectedName}”</h3>}
        {TOPIC_INPUTS.map((spec) => (
          <ParamControl key={spec.name} spec={spec} />
        ))}
      </div>
      {/* Last: the first slider stays three Tab presses from the top (skip link, Enter, Tab, Tab). */}
      <label className="flex min-h-6 items-center gap-2 text-sm">
        <input type="checkbox" checked={fine} onChange={(event) => useSliderModeStore.getState().setFine(event.target.checked)} className="h-6 w-6 shrink-0 accent-teal-600" />
        <span>
          Fine sliders <span className="text-xs text-slate-600 dark:text-slate-300">(each spans a tenth of its range around its value)</span>
        </span>
      </label>
    </section>
  );
}

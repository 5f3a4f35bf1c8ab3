import { PARAMS } from '../config/schema';
import { ParamControl } from './ParamControl';

export function ControlsPanel() {
  return (
    <section aria-labelledby="controls-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="controls-heading" className="text-lg font-semibold">
        Your plan
      </h2>
      {PARAMS.filter((spec) => spec.group === 'plan').map((spec) => (
        <ParamControl key={spec.name} spec={spec} />
      ))}
    </section>
  );
}

import { BROKER_TYPE, PARAMS } from '../config/schema';
import { ParamControl } from './ParamControl';

const ASSUMPTIONS = PARAMS.filter((spec) => spec.group === 'assumption');

/** Every constant the model uses, editable, each with its source. Changing one changes the link. */
export function AssumptionsPanel() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <summary className="cursor-pointer text-lg font-semibold">Assumptions</summary>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        The constants behind the numbers, with where each comes from. Change any of them: it becomes part of the plan and of its link.
      </p>
      <p data-testid="broker-type" className="mt-1 text-sm">
        Broker limits describe one real broker: <strong className="font-medium">{BROKER_TYPE}</strong> — its baseline network (not its burst), its
        default volume throughput (reads and writes together) and the partition replicas AWS recommends for it (MSK developer guide; EC2 network
        bandwidth docs).
      </p>
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

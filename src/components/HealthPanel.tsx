import { METRIC_CATALOG } from '../engine/metric-catalog';
import { metricsOfSelected } from '../state/planner-store';
import { usePlanInTransition } from './hooks/usePlanInTransition';
import { MetricCard } from './MetricCard';

const SCORE = METRIC_CATALOG.find((entry) => entry.name === 'score');

/** The score, the formula behind it, and every check with what it found. */
export function HealthPanel() {
  const shown = usePlanInTransition();
  const { config } = shown;
  const metrics = metricsOfSelected(shown);
  if (!SCORE) return null;
  return (
    <section aria-labelledby="health-heading" className="space-y-2">
      <h2 id="health-heading" className="text-lg font-semibold">
        Health
      </h2>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
        <MetricCard entry={SCORE} metrics={metrics} config={config} />
        <table className="text-sm lg:col-span-2">
          <caption className="sr-only">Health checks</caption>
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-300">
              <th scope="col" className="pr-2 font-medium">Check</th>
              <th scope="col" className="pr-2 font-medium">Score</th>
              <th scope="col" className="font-medium">Finding</th>
            </tr>
          </thead>
          <tbody>
            {metrics.health.factors.map((factor) => (
              <tr key={factor.id} data-testid={`health-${factor.id}`} data-value={String(factor.score01)} className="align-top">
                <th scope="row" className="pr-2 text-left font-normal [overflow-wrap:anywhere]">
                  {factor.label}
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{factor.rule}</span>
                </th>
                <td className="whitespace-nowrap pr-2 tabular-nums">{factor.score01.toFixed(2)}</td>
                <td className="[overflow-wrap:anywhere]">{factor.finding}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

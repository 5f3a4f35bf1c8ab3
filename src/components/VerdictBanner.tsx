import { verdict } from '../engine/verdict';
import { selectPlan, useClusterMetrics, usePlannerStore } from '../state/planner-store';

/** The answer first: does this plan hold, and if not, why and what to change. */
export function VerdictBanner() {
  const plan = usePlannerStore(selectPlan);
  const { health, topics } = useClusterMetrics();
  // The cluster is overloaded when any topic's busiest consumer is (at its peak).
  let worst = 0;
  topics.forEach((m, i) => {
    if (m.utilization > (topics[worst]?.utilization ?? 0)) worst = i;
  });
  const utilization = topics[worst]?.utilization ?? 0;
  const { headline, problems } = verdict(health, utilization, topics.length > 1 ? (plan.topics[worst]?.name ?? '') : '');
  const first = problems[0];
  const tone = !first
    ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950'
    : first.score01 === 0
      ? 'border-red-600 bg-red-50 dark:bg-red-950'
      : 'border-amber-500 bg-amber-50 dark:bg-amber-950';
  return (
    <section data-testid="verdict" aria-labelledby="verdict-heading" className={`rounded-lg border-l-4 p-4 ${tone}`}>
      <h2 id="verdict-heading" className="text-lg font-semibold">
        {headline} <span className="font-normal">Health {health.score}/100.</span>
      </h2>
      {problems.length === 0 ? (
        <p>{health.factors.find((f) => f.id === 'consumers')?.finding}</p>
      ) : (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {problems.map((factor) => (
            <li key={factor.id}>
              {factor.finding} <strong className="font-medium">{factor.advice}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

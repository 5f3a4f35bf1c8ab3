import { planVerdict } from '../engine/verdict';
import { selectPlan, useClusterMetrics, usePlannerStore } from '../state/planner-store';
import { useVerdictFix } from './hooks/useVerdictFix';

/** The first sentence of a finding (its why), and the rest. */
function firstSentence(text: string): [string, string] {
  const match = /^(.+?[.;])\s+(?=[A-Z])(.*)$/s.exec(text);
  return match ? [match[1] as string, match[2] as string] : [text, ''];
}

/**
 * The answer first: does this plan hold, and if not, the binding limit in one sentence, the fix
 * one click away (Apply), and the other findings on demand. Kept short, so what it says can
 * change without moving what is below it much; the full health table is in the details.
 */
export function VerdictBanner() {
  const plan = usePlannerStore(selectPlan);
  const metrics = useClusterMetrics();
  const { health } = metrics;
  const oneClickFix = useVerdictFix();
  const { headline, problems } = planVerdict(plan, metrics);
  const [first, ...rest] = problems;
  const tone = !first
    ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950'
    : first.score01 === 0
      ? 'border-red-600 bg-red-50 dark:bg-red-950'
      : 'border-amber-500 bg-amber-50 dark:bg-amber-950';
  const [why, moreWhy] = first ? firstSentence(first.finding) : ['', ''];
  const [fix, moreFix] = first ? firstSentence(first.advice) : ['', ''];
  const more = [moreWhy, moreFix].filter(Boolean).join(' ');
  return (
    <section data-testid="verdict" aria-labelledby="verdict-heading" className={`rounded-lg border-l-4 px-3 py-2 ${tone}`}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <h2 id="verdict-heading" className="text-lg font-semibold">
          {headline} <span className="font-normal">Health {health.score}/100.</span>
        </h2>
        {first && oneClickFix.available && (
          <button type="button" onClick={oneClickFix.apply} className="rounded bg-teal-700 px-3 py-1 text-sm font-medium text-white hover:bg-teal-800">
            Apply the recommended counts
          </button>
        )}
      </div>
      {first ? (
        <>
          <p className="lg:text-sm">
            {why} <strong className="font-medium">{fix}</strong>
          </p>
          {(more || rest.length > 0) && (
            <details className="text-sm">
              <summary>{rest.length > 0 ? `${rest.length} more finding${rest.length === 1 ? '' : 's'}, and why` : 'Why'}</summary>
              {more && <p>{more}</p>}
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {rest.map((factor) => (
                  <li key={factor.id}>
                    {factor.finding} <strong className="font-medium">{factor.advice}</strong>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <p>{health.factors.find((f) => f.id === 'consumers')?.finding}</p>
      )}
    </section>
  );
}

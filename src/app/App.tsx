import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { AssumptionsPanel } from '../components/AssumptionsPanel';
import { ControlsPanel } from '../components/ControlsPanel';
import { CopyLinkButton } from '../components/CopyLinkButton';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { UrlNoticeBanner } from '../components/UrlNoticeBanner';
import { VerdictBanner } from '../components/VerdictBanner';
import { KeyAnswers } from '../components/workspace/KeyAnswers';
import { SetAsideRunNotice } from '../components/sim/SetAsideRunNotice';
import { SharedRunNotice } from '../components/sim/SharedRunNotice';

// Its own chunk: the calculator renders (and works) before and without the simulation.
const SimSection = lazy(() => import('../components/sim/SimSection'));
// Its own chunk: the first screen (plan, verdict, answers) renders before the sections below it.
const DetailsSections = lazy(() => import('./DetailsSections'));

/** The header is static in index.html (the first paint needs no script); its button is ours. */
function CopyLinkInHeader() {
  const target = document.getElementById('copy-link');
  return target ? createPortal(<CopyLinkButton />, target) : <CopyLinkButton />;
}

/**
 * The workspace (issue 11): the plan on the left, scrolling on its own; beside it the verdict,
 * the key answers and the live simulation — on one screen from 1280 × 800 up. Everything else
 * (every metric with its breakdown, health, recommendation, cluster and cost, charts, scenarios
 * and compare, exports) follows in the same right-hand pane, in named sections an outline links
 * to (URL fragments): scrolled to the charts, that pane shows them following a slider dragged
 * on the left.
 */
export function App() {
  return (
    <>
      <CopyLinkInHeader />
      <main className="mx-auto max-w-screen-2xl space-y-4 p-3 lg:p-4">
        {/* At the top at every width: above the plan on a phone too. */}
        <SharedRunNotice />
        <SetAsideRunNotice />
        <div className="workspace grid grid-cols-1 gap-4 md:grid-cols-[20rem_1fr] lg:grid-cols-[minmax(22rem,30rem)_1fr]">
          <aside id="plan" tabIndex={-1} aria-label="Plan" className="workspace-pane space-y-4">
            <ErrorBoundary area="The controls">
              <ControlsPanel />
            </ErrorBoundary>
            <ErrorBoundary area="The assumptions">
              <AssumptionsPanel />
            </ErrorBoundary>
          </aside>
          <div className="workspace-pane min-w-0 space-y-3">
            <UrlNoticeBanner />
            <VerdictBanner />
            <ErrorBoundary area="The answers">
              <KeyAnswers />
            </ErrorBoundary>
            <ErrorBoundary area="The simulation">
              <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the simulation…</p>}>
                <SimSection />
              </Suspense>
            </ErrorBoundary>
            <nav aria-label="Details" className="flex flex-wrap gap-x-4 gap-y-1 border-t border-slate-200 pt-3 text-sm dark:border-slate-800">
              <span className="font-semibold">Details:</span>
              {DETAILS.map(([id, label]) => (
                <a key={id} href={`#${id}`} className="inline-flex min-h-6 items-center text-teal-800 underline dark:text-teal-300">
                  {label}
                </a>
              ))}
            </nav>
            <ErrorBoundary area="The details">
              <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the details…</p>}>
                <DetailsSections />
              </Suspense>
            </ErrorBoundary>
          </div>
        </div>
      </main>
      <footer className="px-6 pb-6 text-xs text-slate-500 dark:text-slate-400">
        Every formula, unit and assumption is written down in docs/model.md and beside each number (“How is this computed?”).
        Byte units are binary: 1 KiB = 1,024 B, 1 MiB = 1,024 KiB.
      </footer>
    </>
  );
}

/** The sections after the answers, as the outline names them (their ids are the URL fragments). */
const DETAILS: readonly (readonly [string, string])[] = [
  ['health', 'Health'],
  ['recommendation', 'Recommendation'],
  ['cluster', 'Cluster and cost'],
  ['metrics', 'Every metric'],
  ['charts', 'Charts'],
  ['scenarios', 'Scenarios and compare'],
  ['exports', 'Exports'],
  ['model-vs-sim-heading', 'Model vs simulation'],
];

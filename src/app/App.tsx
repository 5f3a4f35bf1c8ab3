import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { AssumptionsPanel } from '../components/AssumptionsPanel';
import { ClusterPanel } from '../components/cluster/ClusterPanel';
import { CostPanel } from '../components/cluster/CostPanel';
import { ControlsPanel } from '../components/ControlsPanel';
import { CopyLinkButton } from '../components/CopyLinkButton';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ExportSection } from '../components/export/ExportSection';
import { HealthPanel } from '../components/HealthPanel';
import { MetricsPanel } from '../components/MetricsPanel';
import { RecommendationsPanel } from '../components/RecommendationsPanel';
import { ScenariosSection } from '../components/scenarios/ScenariosSection';
import { UrlNoticeBanner } from '../components/UrlNoticeBanner';
import { VerdictBanner } from '../components/VerdictBanner';

// Its own chunk: the calculator renders (and works) before and without the simulation.
const SimSection = lazy(() => import('../components/sim/SimSection'));
// Its own chunk with Recharts (about 120 KB gzip): the numbers never wait for the charts.
const ChartsSection = lazy(() => import('../components/charts/ChartsSection'));

/** The header is static in index.html (the first paint needs no script); its button is ours. */
function CopyLinkInHeader() {
  const target = document.getElementById('copy-link');
  return target ? createPortal(<CopyLinkButton />, target) : <CopyLinkButton />;
}

export function App() {
  return (
    <>
      <CopyLinkInHeader />
      <main className="mx-auto grid max-w-screen-2xl grid-cols-1 gap-6 p-6 lg:grid-cols-[minmax(20rem,26rem)_1fr]">
        <div className="space-y-4 lg:col-span-2">
          <UrlNoticeBanner />
          <ErrorBoundary area="The scenarios">
            <ScenariosSection />
          </ErrorBoundary>
          <VerdictBanner />
        </div>
        <div className="space-y-4">
          <ErrorBoundary area="The controls">
            <ControlsPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The assumptions">
            <AssumptionsPanel />
          </ErrorBoundary>
        </div>
        <div className="space-y-6">
          <ErrorBoundary area="The health summary">
            <HealthPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The recommendation">
            <RecommendationsPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The cluster">
            <ClusterPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The cost">
            <CostPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The metrics">
            <MetricsPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The charts">
            <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the charts…</p>}>
              <ChartsSection />
            </Suspense>
          </ErrorBoundary>
        </div>
        <div className="lg:col-span-2">
          <ErrorBoundary area="The exports">
            <ExportSection />
          </ErrorBoundary>
        </div>
        <div className="lg:col-span-2">
          <ErrorBoundary area="The simulation">
            <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the simulation…</p>}>
              <SimSection />
            </Suspense>
          </ErrorBoundary>
        </div>
      </main>
      <footer className="px-6 pb-6 text-xs text-slate-500 dark:text-slate-400">
        Every formula, unit and assumption is written down in docs/model.md and beside each number (“How is this computed?”).
        Byte units are binary: 1 KiB = 1,024 B, 1 MiB = 1,024 KiB.
      </footer>
    </>
  );
}

import { lazy, Suspense } from 'react';
import { ClusterPanel } from '../components/cluster/ClusterPanel';
import { CostPanel } from '../components/cluster/CostPanel';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ExportSection } from '../components/export/ExportSection';
import { HealthPanel } from '../components/HealthPanel';
import { useKeepHashInView } from '../components/hooks/useKeepHashInView';
import { MetricsPanel } from '../components/MetricsPanel';
import { RecommendationsPanel } from '../components/RecommendationsPanel';
import { ScenariosSection } from '../components/scenarios/ScenariosSection';

// Its own chunk with Recharts (about 120 KB gzip): the numbers never wait for the charts.
const ChartsSection = lazy(() => import('../components/charts/ChartsSection'));

/**
 * Everything after the workspace's answers, in the order the Details outline names it (App.tsx):
 * a chunk of its own, loaded as the first screen has rendered, so the plan, the verdict and the
 * key answers do not wait for the script of sections below them (docs/benchmarks.md, initial JS).
 */
export default function DetailsSections() {
  useKeepHashInView();
  return (
    <>
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-2">
        <div id="health" className="details-section space-y-6">
          <ErrorBoundary area="The health summary">
            <HealthPanel />
          </ErrorBoundary>
          <div id="recommendation">
            <ErrorBoundary area="The recommendation">
              <RecommendationsPanel />
            </ErrorBoundary>
          </div>
        </div>
        <div id="cluster" className="details-section space-y-6">
          <ErrorBoundary area="The cluster">
            <ClusterPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The cost">
            <CostPanel />
          </ErrorBoundary>
        </div>
      </div>
      <div id="metrics" className="details-section">
        <ErrorBoundary area="The metrics">
          <MetricsPanel />
        </ErrorBoundary>
      </div>
      <div id="charts" className="details-section">
        <ErrorBoundary area="The charts">
          <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the charts…</p>}>
            <ChartsSection />
          </Suspense>
        </ErrorBoundary>
      </div>
      <div id="scenarios" className="details-section">
        <ErrorBoundary area="The scenarios">
          <ScenariosSection />
        </ErrorBoundary>
      </div>
      <div id="exports" className="details-section">
        <ErrorBoundary area="The exports">
          <ExportSection />
        </ErrorBoundary>
      </div>
    </>
  );
}

import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { ClusterPanel } from '../components/cluster/ClusterPanel';
import { CostPanel } from '../components/cluster/CostPanel';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ExportSection } from '../components/export/ExportSection';
import { HealthPanel } from '../components/HealthPanel';
import { inNextTask } from '../components/next-task';
import { useKeepHashInView } from '../components/hooks/useKeepHashInView';
import { MetricsPanel } from '../components/MetricsPanel';
import { RecommendationsPanel } from '../components/RecommendationsPanel';
import { ScenariosSection } from '../components/scenarios/ScenariosSection';

// Its own chunk with Recharts (about 120 KB gzip): the numbers never wait for the charts.
const ChartsSection = lazy(() => import('../components/charts/ChartsSection'));

/** The sections below, in the order they appear (and are rendered in). */
const SECTIONS = 6;

/**
 * How many sections are rendered: one more per task, each after the one before it has been
 * committed. Rendered all at once, the details were one main-thread task of some 80 ms here (over
 * 300 ms on Lighthouse's throttled phone, most of its Total Blocking Time, docs/benchmarks.md);
 * one section a task keeps each short, and the page takes input between them.
 */
function useRevealedInTurn(total: number): number {
  const [revealed, setRevealed] = useState(1);
  useEffect(() => {
    if (revealed >= total) return;
    return inNextTask(() => setRevealed((n) => n + 1));
  }, [revealed, total]);
  return revealed;
}

/** A section: its anchor at once (the outline's links resolve), its content in its turn. */
function Section({ id, turn, revealed, className = 'details-section', children }: { id: string; turn: number; revealed: number; className?: string; children: ReactNode }) {
  return (
    <div id={id} className={className}>
      {turn < revealed ? children : null}
    </div>
  );
}

/**
 * Everything after the workspace's answers, in the order the Details outline names it (App.tsx):
 * a chunk of its own, loaded as the first screen has rendered, so the plan, the verdict and the
 * key answers do not wait for the script of sections below them (docs/benchmarks.md, initial JS).
 */
export default function DetailsSections() {
  const revealed = useRevealedInTurn(SECTIONS);
  useKeepHashInView(revealed >= SECTIONS);
  return (
    <>
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-2">
        <Section id="health" turn={0} revealed={revealed} className="details-section space-y-6">
          <ErrorBoundary area="The health summary">
            <HealthPanel />
          </ErrorBoundary>
          <div id="recommendation">
            <ErrorBoundary area="The recommendation">
              <RecommendationsPanel />
            </ErrorBoundary>
          </div>
        </Section>
        <Section id="cluster" turn={1} revealed={revealed} className="details-section space-y-6">
          <ErrorBoundary area="The cluster">
            <ClusterPanel />
          </ErrorBoundary>
          <ErrorBoundary area="The cost">
            <CostPanel />
          </ErrorBoundary>
        </Section>
      </div>
      <Section id="metrics" turn={2} revealed={revealed}>
        <ErrorBoundary area="The metrics">
          <MetricsPanel />
        </ErrorBoundary>
      </Section>
      <Section id="charts" turn={3} revealed={revealed}>
        <ErrorBoundary area="The charts">
          <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the charts…</p>}>
            <ChartsSection />
          </Suspense>
        </ErrorBoundary>
      </Section>
      <Section id="scenarios" turn={4} revealed={revealed}>
        <ErrorBoundary area="The scenarios">
          <ScenariosSection />
        </ErrorBoundary>
      </Section>
      <Section id="exports" turn={5} revealed={revealed}>
        <ErrorBoundary area="The exports">
          <ExportSection />
        </ErrorBoundary>
      </Section>
    </>
  );
}

import { useEffect } from 'react';
import { formatDuration } from '../../lib/format';
import { useSimStore } from '../../state/sim-store';
import { ErrorBoundary } from '../ErrorBoundary';
import { ModelVsSim } from './ModelVsSim';
import { SimCanvas } from './SimCanvas';
import { SimControls } from './SimControls';
import { useSimWorker, type SimCommands } from './useSimWorker';
import { useKeepHashInView } from '../hooks/useKeepHashInView';

/** Shown when the worker failed: the calculator above keeps working, this part can restart. */
function SimFailure({ message, sim }: { message: string; sim: SimCommands }) {
  return (
    <div role="alert" className="rounded-lg border border-red-600 bg-red-50 p-4 dark:bg-red-950">
      <p className="font-semibold">The simulation stopped.</p>
      <p className="text-sm">{message}</p>
      <button type="button" className="mt-2 rounded border border-red-600 px-3 py-1 text-sm" onClick={sim.restart}>
        Restart simulation
      </button>
    </div>
  );
}

function SimLog() {
  const log = useSimStore((s) => s.snapshot?.log);
  if (!log || log.length === 0) return null;
  return (
    <section aria-labelledby="sim-log-heading">
      <h3 id="sim-log-heading" className="font-semibold">
        What happened
      </h3>
      <ol className="mt-1 space-y-0.5 text-sm">
        {log.slice(-8).map((entry, index) => (
          <li key={`${entry.atMs}-${index}`}>
            <span className="tabular-nums text-slate-500 dark:text-slate-400">{formatDuration(entry.atMs / 1000)}</span> {entry.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The simulated broker for the current plan: controls, the picture, and the measured figures
 * beside the model's. Loaded lazily (React.lazy) so the calculator's first screen stays small.
 */
export default function SimSection() {
  useKeepHashInView();
  const sim = useSimWorker();
  const error = useSimStore((s) => s.error);
  // Play asked for from the shared-run notice at the top: play, and bring the picture into view.
  const playRequested = useSimStore((s) => s.playRequested);
  useEffect(() => {
    if (!playRequested) return;
    useSimStore.getState().playRequestHandled();
    sim.play();
    const section = document.getElementById('simulation');
    section?.scrollIntoView({ block: 'nearest' });
    section?.focus({ preventScroll: true });
  }, [playRequested, sim]);
  return (
    <section id="simulation" tabIndex={-1} aria-labelledby="sim-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline gap-x-3 lg:flex-nowrap">
        <h2 id="sim-heading" className="text-lg font-semibold">
          Simulation
        </h2>
        <p className="text-sm text-slate-600 lg:truncate dark:text-slate-300">
          The plan as a running cluster, every topic on the same brokers. Kill a broker, crash a consumer or send a spike, and watch lag and latency
          against the model.
        </p>
      </div>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-[3fr_2fr]">
        <ErrorBoundary area="The simulation picture">
          <SimCanvas />
        </ErrorBoundary>
        <div className="space-y-3">
          {error ? <SimFailure message={error} sim={sim} /> : <SimControls sim={sim} />}
          <SimLog />
        </div>
      </div>
      <ErrorBoundary area="The simulation figures">
        <ModelVsSim />
      </ErrorBoundary>
    </section>
  );
}

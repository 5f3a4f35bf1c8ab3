import { useScenarioSession, type LoadedScenario } from '../../state/scenario-session';
import { CompareControls } from '../compare/CompareControls';
import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { PresetPicker } from './PresetPicker';
import { SavedScenarios } from './SavedScenarios';
import { ScenarioFileControls } from './ScenarioFileControls';
import { ScenarioNotices } from './ScenarioNotices';

const KIND_TEXT: Record<LoadedScenario['kind'], string> = { preset: 'preset', saved: 'saved scenario', file: 'scenario from a file' };

/** The Scenarios toolbar: presets, saved scenarios, file export/import, compare. */
export function ScenariosSection() {
  const { config } = usePlanInTransition();
  const loaded = useScenarioSession((state) => state.loaded);
  const status = !loaded
    ? 'Your own plan: pick a preset, load a saved scenario or import a file to start from one.'
    : loaded.config === config
      ? `Loaded ${KIND_TEXT[loaded.kind]}: “${loaded.name}”.`
      : `Changed since loading the ${KIND_TEXT[loaded.kind]} “${loaded.name}”.`;

  return (
    <section aria-labelledby="scenarios-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="scenarios-heading" className="text-lg font-semibold">
          Scenarios
        </h2>
        <p role="status" data-testid="scenario-status" className="text-sm text-slate-600 dark:text-slate-300">
          {status}
        </p>
      </div>
      <ScenarioNotices />
      <PresetPicker />
      <div className="grid gap-4 lg:grid-cols-3">
        <SavedScenarios />
        <ScenarioFileControls />
        <CompareControls />
      </div>
    </section>
  );
}

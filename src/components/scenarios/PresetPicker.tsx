import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { PRESETS, type Preset } from '../../config/presets';
import { loadScenario, useScenarioSession } from '../../state/scenario-session';
import { SECONDARY_BUTTON, SUBHEADING } from './styles';

function PresetAssumptions({ preset }: { preset: Preset }) {
  return (
    <>
      <p>{preset.summary}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {preset.assumptions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="mt-1 text-slate-500 dark:text-slate-400">Sources: {preset.sources.join('; ')}.</p>
    </>
  );
}

/** One click loads a preset; the loaded preset's assumptions are shown beside it. */
export function PresetPicker() {
  const config = usePlanInTransition();
  const loaded = useScenarioSession((state) => state.loaded);
  const current = loaded?.kind === 'preset' ? PRESETS.find((p) => p.id === loaded.presetId) : undefined;
  const unchanged = !!current && loaded?.config === config;

  return (
    <div role="group" aria-labelledby="presets-heading" className="space-y-2">
      <h3 id="presets-heading" className={SUBHEADING}>
        Presets
      </h3>
      <div className="flex flex-wrap gap-2">
        {PRESETS.map((preset) => {
          const active = unchanged && current?.id === preset.id;
          return (
            <button
              key={preset.id}
              type="button"
              data-testid={`preset-${preset.id}`}
              aria-pressed={active}
              onClick={() => loadScenario({ kind: 'preset', name: preset.name, presetId: preset.id }, preset.config)}
              className={`${SECONDARY_BUTTON} ${active ? 'border-teal-700 bg-teal-50 font-medium dark:border-teal-400 dark:bg-teal-950' : ''}`}
            >
              {preset.name}
            </button>
          );
        })}
      </div>
      {current && (
        <div data-testid="preset-assumptions" className="rounded border border-slate-200 p-2 text-xs dark:border-slate-700">
          <p className="font-semibold">
            {unchanged ? `Preset “${current.name}”: what it assumes` : `Changed since loading the preset “${current.name}”, which assumes`}
          </p>
          <PresetAssumptions preset={current} />
        </div>
      )}
      <details className="text-xs">
        <summary className="cursor-pointer text-teal-700 dark:text-teal-300">What each preset assumes</summary>
        <dl className="mt-1 space-y-2">
          {PRESETS.map((preset) => (
            <div key={preset.id}>
              <dt className="font-semibold">{preset.name}</dt>
              <dd>
                <PresetAssumptions preset={preset} />
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

import { brokerTypeById, CUSTOM_BROKER_TYPE, DEFAULT_BROKER_TYPE, matchesBrokerType } from '../../config/broker-types';
import { CLUSTER_PRESETS, PRESETS } from '../../config/presets';
import { DEFAULT_TOPIC_NAME, singleTopicPlan, type ClusterPlan } from '../../engine/cluster-plan';
import type { PlanConfig } from '../../engine/plan-config';
import { loadScenario, useScenarioSession } from '../../state/scenario-session';
import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { SECONDARY_BUTTON, SUBHEADING } from './styles';

/** What the picker shows and loads of a preset, one-topic or cluster alike. */
interface PickerEntry {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly assumptions: readonly string[];
  readonly sources: readonly string[];
  readonly plan: ClusterPlan;
}

/** The broker type a one-topic preset's assumptions are, or custom. */
function brokerTypeOf(config: PlanConfig): string {
  const type = brokerTypeById(DEFAULT_BROKER_TYPE);
  return type && matchesBrokerType(config, type) ? type.id : CUSTOM_BROKER_TYPE;
}

// Built once: a preset is the same plan every time it is loaded.
const TOPIC_ENTRIES: readonly PickerEntry[] = PRESETS.map((p) => ({ ...p, plan: singleTopicPlan(p.config, DEFAULT_TOPIC_NAME, brokerTypeOf(p.config)) }));
const CLUSTER_ENTRIES: readonly PickerEntry[] = CLUSTER_PRESETS;
const ALL_ENTRIES: readonly PickerEntry[] = [...TOPIC_ENTRIES, ...CLUSTER_ENTRIES];

/** Replace the whole plan with the preset's (a one-topic preset becomes a one-topic plan) and remember it as loaded. */
function loadPreset(entry: PickerEntry): void {
  loadScenario({ kind: 'preset', name: entry.name, presetId: entry.id }, entry.plan);
}

function PresetAssumptions({ preset }: { preset: PickerEntry }) {
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

function PresetButtons({ entries, activeId }: { entries: readonly PickerEntry[]; activeId: string | undefined }) {
  return (
    <div className="flex flex-wrap gap-2">
      {entries.map((preset) => {
        const active = activeId === preset.id;
        return (
          <button
            key={preset.id}
            type="button"
            data-testid={`preset-${preset.id}`}
            aria-pressed={active}
            onClick={() => loadPreset(preset)}
            className={`${SECONDARY_BUTTON} ${active ? 'border-teal-700 bg-teal-50 font-medium dark:border-teal-400 dark:bg-teal-950' : ''}`}
          >
            {preset.name}
          </button>
        );
      })}
    </div>
  );
}

/** One click loads a preset; the loaded preset's assumptions are shown beside it. */
export function PresetPicker() {
  const { config } = usePlanInTransition();
  const loaded = useScenarioSession((state) => state.loaded);
  const current = loaded?.kind === 'preset' ? ALL_ENTRIES.find((p) => p.id === loaded.presetId) : undefined;
  const unchanged = !!current && loaded?.config === config;
  const activeId = unchanged ? current?.id : undefined;

  return (
    <div role="group" aria-labelledby="presets-heading" className="space-y-2">
      <h3 id="presets-heading" className={SUBHEADING}>
        Presets
      </h3>
      <PresetButtons entries={TOPIC_ENTRIES} activeId={activeId} />
      <div role="group" aria-labelledby="cluster-presets-heading" className="space-y-1">
        <p id="cluster-presets-heading" className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Clusters of several topics
        </p>
        <PresetButtons entries={CLUSTER_ENTRIES} activeId={activeId} />
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
          {ALL_ENTRIES.map((preset) => (
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

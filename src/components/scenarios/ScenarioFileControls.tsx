import { pageSchemaRef } from '../export/schema-ref';
import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { useRef } from 'react';
import { serializeScenarioFile } from '../../export/scenario-file';
import { usePlannerStore } from '../../state/planner-store';
import { loadedIfUnchanged, useScenarioSession } from '../../state/scenario-session';
import { downloadText, fileSlug } from '../export/download';
import { importScenarioFile } from './import-scenario';
import { SECONDARY_BUTTON, SUBHEADING } from './styles';

/** The whole plan (every topic) as a JSON file (docs/scenarios.md "Scenario file"), and back. */
export function ScenarioFileControls() {
  const { config } = usePlanInTransition();
  const loaded = loadedIfUnchanged(
    useScenarioSession((state) => state.loaded),
    config,
  );
  const input = useRef<HTMLInputElement>(null);
  const name = loaded?.name;

  return (
    <div role="group" aria-labelledby="scenario-file-heading" className="space-y-2">
      <h3 id="scenario-file-heading" className={SUBHEADING}>
        File
      </h3>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => downloadText(`${fileSlug(name ?? '', 'eventflow-plan')}.json`, serializeScenarioFile(usePlannerStore.getState().plan, name, pageSchemaRef()), 'application/json')}
          className={SECONDARY_BUTTON}
        >
          Export scenario (JSON)
        </button>
        <button type="button" onClick={() => input.current?.click()} className={SECONDARY_BUTTON}>
          Import scenario (JSON)…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label="Scenario file to import"
          data-testid="import-scenario-file"
          className="hidden"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so the same file can be picked again.
            event.target.value = '';
            if (file) void importScenarioFile(file);
          }}
        />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">An imported file is checked like a link: values out of range are repaired and listed.</p>
    </div>
  );
}

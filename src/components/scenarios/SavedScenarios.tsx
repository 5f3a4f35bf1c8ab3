import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { usePlannerStore } from '../../state/planner-store';
import type { SavedScenario } from '../../state/saved-scenarios';
import { loadedIfUnchanged, loadScenario, useScenarioSession } from '../../state/scenario-session';
import { useScenarioStore } from '../../state/scenario-store';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, SUBHEADING, TEXT_INPUT } from './styles';

function savedAtText(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toLocaleString();
}

function RenameForm({ scenario, onDone }: { scenario: SavedScenario; onDone: (message: string) => void }) {
  const rename = useScenarioStore((state) => state.rename);
  const [name, setName] = useState(scenario.name);
  const [problem, setProblem] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = rename(scenario.id, name);
    if (result.ok) onDone(`Renamed “${scenario.name}” to “${result.name}”.`);
    else setProblem(result.reason);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <input
        value={name}
        onChange={(event) => setName(event.target.value)}
        aria-label={`New name for “${scenario.name}”`}
        maxLength={100}
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone('');
        }}
        className={`${TEXT_INPUT} min-w-0 flex-1`}
      />
      <button type="submit" className={PRIMARY_BUTTON}>
        Save name
      </button>
      <button type="button" onClick={() => onDone('')} className={SECONDARY_BUTTON}>
        Cancel
      </button>
      {problem && <p className="w-full text-xs text-amber-700 dark:text-amber-300">{problem}</p>}
    </form>
  );
}

/** Save the current plan under a name in this browser; load, rename or delete saved ones. */
export function SavedScenarios() {
  const { config } = usePlanInTransition();
  const loaded = useScenarioSession((state) => state.loaded);
  const scenarios = useScenarioStore((state) => state.scenarios);
  const save = useScenarioStore((state) => state.save);
  const remove = useScenarioStore((state) => state.remove);
  const restore = useScenarioStore((state) => state.restore);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ scenario: SavedScenario; index: number } | null>(null);
  const nameId = useId();
  const undo = useRef<HTMLButtonElement>(null);
  // The deleted row (and its focused button) is gone: keyboard focus moves to Undo.
  useEffect(() => {
    if (deleted) undo.current?.focus();
  }, [deleted]);
  const current = loadedIfUnchanged(loaded, config);
  const existing = scenarios.some((s) => s.name === name.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The whole plan: every topic and the cluster.
    const result = save(name, usePlannerStore.getState().plan);
    setDeleted(null);
    if (!result.ok) {
      setStatus(result.reason);
      return;
    }
    setStatus(result.replaced ? `Replaced “${result.name}” with the current plan.` : `Saved “${result.name}”.`);
    setName('');
  };

  return (
    <div role="group" aria-labelledby="saved-heading" className="space-y-2">
      <h3 id="saved-heading" className={SUBHEADING}>
        Saved in this browser
      </h3>
      <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
        <label htmlFor={nameId} className="text-sm">
          Name
        </label>
        <input
          id={nameId}
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={current ? `${current.name} (mine)` : 'e.g. Peak day, 6 brokers'}
          maxLength={100}
          className={`${TEXT_INPUT} min-w-0 flex-1`}
        />
        <button type="submit" className={PRIMARY_BUTTON}>
          {existing ? 'Replace saved scenario' : 'Save current as…'}
        </button>
      </form>
      <p role="status" className="min-h-4 text-xs text-slate-600 dark:text-slate-300">
        {status}
        {deleted && (
          <>
            {' '}
            <button
              ref={undo}
              type="button"
              className="underline"
              onClick={() => {
                restore(deleted.scenario, deleted.index);
                setStatus(`Restored “${deleted.scenario.name}”.`);
                setDeleted(null);
              }}
            >
              Undo
            </button>
          </>
        )}
      </p>
      {scenarios.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No saved scenarios yet. They stay in this browser only; export a file to move one elsewhere.</p>
      ) : (
        <ul aria-label="Saved scenarios" className="divide-y divide-slate-200 rounded border border-slate-200 text-sm dark:divide-slate-700 dark:border-slate-700">
          {scenarios.map((scenario) => (
            <li key={scenario.id} data-testid="saved-scenario" className="space-y-1 p-2">
              {renaming === scenario.id ? (
                <RenameForm
                  scenario={scenario}
                  onDone={(message) => {
                    setRenaming(null);
                    if (message) setStatus(message);
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-center gap-2">
                  <span className="min-w-0 flex-1 break-words font-medium">
                    {scenario.name}
                    {current?.kind === 'saved' && current.name === scenario.name && <span className="ml-2 text-xs font-normal text-teal-700 dark:text-teal-300">(loaded)</span>}
                    {scenario.savedAt && <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">saved {savedAtText(scenario.savedAt)}</span>}
                  </span>
                  <button
                    type="button"
                    aria-label={`Load “${scenario.name}”`}
                    onClick={() => {
                      loadScenario({ kind: 'saved', name: scenario.name }, scenario.plan);
                      setStatus(`Loaded “${scenario.name}”.`);
                      setDeleted(null);
                    }}
                    className={SECONDARY_BUTTON}
                  >
                    Load
                  </button>
                  <button type="button" aria-label={`Rename “${scenario.name}”`} onClick={() => setRenaming(scenario.id)} className={SECONDARY_BUTTON}>
                    Rename
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete “${scenario.name}”`}
                    onClick={() => {
                      const removed = remove(scenario.id);
                      if (!removed) return;
                      setDeleted(removed);
                      setStatus(`Deleted “${scenario.name}”.`);
                    }}
                    className={SECONDARY_BUTTON}
                  >
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

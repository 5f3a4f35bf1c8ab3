import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { cleanName } from '../export/scenario-file';
import type { ClusterPlan } from '../engine/cluster-plan';
import {
  isKnownVersion,
  MAX_SAVED_SCENARIOS,
  parseEnvelope,
  readScenarioState,
  SCENARIOS_BACKUP_KEY,
  SCENARIOS_STORAGE_KEY,
  SCENARIOS_VERSION,
  toStored,
  versionNotice,
  type SavedScenario,
  type StoredState,
} from './saved-scenarios';
import { pushScenarioNotice } from './scenario-session';

/**
 * Named scenarios saved in the browser (zustand persist → localStorage). Loading stored data
 * never throws and never writes: the raw data stays as it was until the person saves, renames
 * or deletes a scenario; when something could not be read, a copy of the raw text is kept
 * under SCENARIOS_BACKUP_KEY first. docs/scenarios.md "Saved scenarios".
 */
export interface ScenarioStoreState {
  readonly scenarios: readonly SavedScenario[];
  /** Save the whole plan (every topic) under a name; a scenario with the same name is replaced. */
  save: (name: string, plan: ClusterPlan) => SaveResult;
  rename: (id: string, name: string) => SaveResult;
  /** Returns what was removed (for Undo) and where it was. */
  remove: (id: string) => { scenario: SavedScenario; index: number } | null;
  restore: (scenario: SavedScenario, index: number) => void;
}

export type SaveResult = { readonly ok: true; readonly replaced: boolean; readonly name: string } | { readonly ok: false; readonly reason: string };

/** Where load problems and failed writes go (the Scenarios toolbar's notices in the app). */
export interface StoreReporter {
  loadProblems: (items: readonly string[], backupKept: boolean) => void;
  writeFailed: (message: string) => void;
}

let idCounter = 0;
export function newScenarioId(): string {
  idCounter += 1;
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `s-${Date.now().toString(36)}-${idCounter}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function createScenarioStore(getStorage: () => Storage | null, reporter: StoreReporter) {
  const session = { hydrating: true, raw: null as string | null, backupPending: false, loadNotices: [] as string[] };

  const storageOrNull = (): Storage | null => {
    try {
      return getStorage();
    } catch {
      return null;
    }
  };

  /** Keep the raw text that could not be read in full; true when it is kept (or there was none). */
  const writeBackup = (): boolean => {
    const storage = storageOrNull();
    if (session.raw === null) return true;
    if (!storage) return false;
    try {
      if (storage.getItem(SCENARIOS_BACKUP_KEY) !== session.raw) storage.setItem(SCENARIOS_BACKUP_KEY, session.raw);
      return true;
    } catch {
      return false;
    }
  };

  const storage: PersistStorage<StoredState> = {
    getItem: (name) => {
      let raw: string | null;
      try {
        const store = getStorage();
        if (!store) throw new Error('no localStorage');
        raw = store.getItem(name);
      } catch (error) {
        session.loadNotices.push(`The browser's storage cannot be read (${errorText(error)}): saved scenarios are not available.`);
        return null;
      }
      session.raw = raw;
      const { envelope, notices } = parseEnvelope(raw);
      session.loadNotices.push(...notices);
      return envelope as StorageValue<StoredState> | null;
    },
    setItem: (name, value) => {
      // persist writes back right after a migration: the stored data must stay as it was until the person saves.
      if (session.hydrating) return;
      const store = storageOrNull();
      if (!store) {
        reporter.writeFailed("The browser's storage is not available: the scenarios are kept only until this page is closed.");
        return;
      }
      // The backup failed at load (storage full?): one more try before the raw data is overwritten.
      if (session.backupPending) {
        if (!writeBackup()) reporter.writeFailed(`The saved data that could not be read was not copied to “${SCENARIOS_BACKUP_KEY}” (storage full?); saving replaces it.`);
        session.backupPending = false;
      }
      try {
        store.setItem(name, JSON.stringify(value));
      } catch (error) {
        reporter.writeFailed(`The scenarios could not be saved in the browser (${errorText(error)}); they are kept only until this page is closed.`);
      }
    },
    removeItem: (name) => {
      try {
        getStorage()?.removeItem(name);
      } catch {
        // Nothing to remove when storage is unavailable.
      }
    },
  };

  return create<ScenarioStoreState>()(
    persist(
      (set, get) => ({
        scenarios: [],
        save: (rawName, plan) => {
          const name = cleanName(rawName);
          if (!name) return { ok: false, reason: 'Give the scenario a name.' };
          const scenarios = get().scenarios;
          const index = scenarios.findIndex((s) => s.name === name);
          const savedAt = new Date().toISOString();
          if (index >= 0) {
            set({ scenarios: scenarios.map((s, i) => (i === index ? { ...s, plan, savedAt } : s)) });
            return { ok: true, replaced: true, name };
          }
          if (scenarios.length >= MAX_SAVED_SCENARIOS) return { ok: false, reason: `At most ${MAX_SAVED_SCENARIOS} scenarios can be saved: delete one first.` };
          set({ scenarios: [...scenarios, { id: newScenarioId(), name, savedAt, plan }] });
          return { ok: true, replaced: false, name };
        },
        rename: (id, rawName) => {
          const name = cleanName(rawName);
          if (!name) return { ok: false, reason: 'Give the scenario a name.' };
          const scenarios = get().scenarios;
          if (scenarios.some((s) => s.name === name && s.id !== id)) return { ok: false, reason: `A scenario named “${name}” exists already.` };
          if (!scenarios.some((s) => s.id === id)) return { ok: false, reason: 'That scenario is gone.' };
          set({ scenarios: scenarios.map((s) => (s.id === id ? { ...s, name } : s)) });
          return { ok: true, replaced: false, name };
        },
        remove: (id) => {
          const scenarios = get().scenarios;
          const index = scenarios.findIndex((s) => s.id === id);
          const scenario = scenarios[index];
          if (!scenario) return null;
          set({ scenarios: scenarios.filter((s) => s.id !== id) });
          return { scenario, index };
        },
        restore: (scenario, index) => {
          const scenarios = get().scenarios.filter((s) => s.id !== scenario.id && s.name !== scenario.name);
          const at = Math.max(0, Math.min(index, scenarios.length));
          set({ scenarios: [...scenarios.slice(0, at), scenario, ...scenarios.slice(at)] });
        },
      }),
      {
        name: SCENARIOS_STORAGE_KEY,
        version: SCENARIOS_VERSION,
        storage,
        partialize: (state): StoredState => ({ scenarios: state.scenarios.map(toStored) }),
        // Another version's data is read with this version's rules (merge validates every entry);
        // version 1 (one topic, before clusters) is a known format: migrated entry by entry, silently.
        migrate: (persisted, version) => {
          if (!isKnownVersion(version)) session.loadNotices.push(versionNotice(version));
          return persisted as StoredState;
        },
        // Stored data is untrusted even at the current version: every entry is read like a link.
        merge: (persisted, current) => {
          const read = readScenarioState(persisted, newScenarioId);
          session.loadNotices.push(...read.notices);
          return { ...current, scenarios: read.scenarios };
        },
        onRehydrateStorage: () => (_state, error) => {
          session.hydrating = false;
          if (error) session.loadNotices.push(`The saved scenarios could not be loaded (${errorText(error)}).`);
          if (session.loadNotices.length === 0) return;
          const backupKept = session.raw !== null && writeBackup();
          session.backupPending = session.raw !== null && !backupKept;
          reporter.loadProblems(session.loadNotices, backupKept);
          session.loadNotices = [];
        },
      },
    ),
  );
}

function browserStorage(): Storage | null {
  return typeof window === 'undefined' ? null : window.localStorage;
}

export const useScenarioStore = createScenarioStore(browserStorage, {
  loadProblems: (items, backupKept) =>
    pushScenarioNotice({
      tone: 'warning',
      title: 'Some saved scenarios could not be read as stored. What could be read is listed below; the rest is left out.',
      items: [
        ...items,
        backupKept
          ? `The saved data stays as it was until you save, rename or delete a scenario; a copy of it is kept in this browser's localStorage under “${SCENARIOS_BACKUP_KEY}”.`
          : 'The saved data stays as it was until you save, rename or delete a scenario.',
      ],
    }),
  writeFailed: (message) => pushScenarioNotice({ tone: 'warning', title: 'Saving failed.', items: [message] }),
});

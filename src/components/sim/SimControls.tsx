import { useId, useState, type KeyboardEvent } from 'react';
import { MAX_SEED, type SimSettings } from '../../config/sim-link';
import { formatNumber } from '../../lib/format';
import type { ArrivalProcess, RebalanceProtocol, ServiceTime, SimView } from '../../sim/types';
import { selectSelectedTopic, usePlannerStore } from '../../state/planner-store';
import { useSimStore } from '../../state/sim-store';
import { firstGroupOf, runTopicIndex } from './model-vs-sim';
import { SPEEDS, STEP_MS } from '../../workers/sim-protocol';
import type { SimCommands } from './useSimWorker';

const BUTTON = 'rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';
const PRIMARY = 'rounded bg-teal-700 px-4 py-1 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-50';
const FIELD = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** An option of a run setting: its name in the menu, and what it stands for (docs/simulation.md). */
interface SettingChoice {
  readonly label: string;
  readonly help: string;
}

const ARRIVAL_CHOICES: Record<ArrivalProcess, SettingChoice> = {
  poisson: { label: 'Poisson', help: 'Poisson, random with Kafka-like bursts' },
  constant: { label: 'Constant', help: 'constant, evenly spaced' },
};
const SERVICE_CHOICES: Record<ServiceTime, SettingChoice> = {
  exponential: { label: 'Exponential', help: 'exponential, random around the plan’s processing time' },
  constant: { label: 'Constant', help: 'constant, exactly the plan’s processing time' },
};
const REBALANCE_CHOICES: Record<RebalanceProtocol, SettingChoice> = {
  eager: { label: 'Eager (classic, range)', help: 'eager, every consumer stops and rejoins (Kafka’s default)' },
  cooperative: { label: 'Cooperative (incremental, sticky)', help: 'cooperative, only the partitions that move pause (KIP-429)' },
  consumer: { label: 'Consumer (KIP-848)', help: 'consumer, the broker hands partitions over one by one, no group-wide stop' },
};

/** A run setting as a labelled native select; `helpId` is the line that says what the chosen option means. */
function SettingSelect<T extends string>(props: {
  id: string;
  label: string;
  testId: string;
  value: T;
  choices: Record<T, SettingChoice>;
  helpId: string;
  onChange: (value: T) => void;
}) {
  const { id, label, testId, value, choices, helpId, onChange } = props;
  return (
    <div className="flex flex-col text-xs">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        className={FIELD}
        value={value}
        title={choices[value].help}
        aria-describedby={helpId}
        // The options are exactly the keys of `choices`.
        onChange={(e) => onChange(e.target.value as T)}
      >
        {(Object.keys(choices) as T[]).map((key) => (
          <option key={key} value={key}>
            {choices[key].label}
          </option>
        ))}
      </select>
    </div>
  );
}

function speedText(factor: number): string {
  if (factor < 1) return `${factor}× (slow motion)`;
  if (factor === 1) return '1× (real time)';
  return `${formatNumber(factor, 0)}×`;
}

/** The consumer "Crash consumer" stops: the first alive one of the topic's first group that owns partitions (its loss shows). */
export function consumerToCrash(snapshot: SimView | null, topic = 0): number | null {
  const consumers = (snapshot ? firstGroupOf(snapshot, topic)?.consumers : undefined) ?? [];
  const owner = consumers.find((c) => c.alive && c.assigned.length > 0) ?? consumers.find((c) => c.alive);
  return owner?.id ?? null;
}

/** Play, step, speed, seed, reset, and the faults and load changes a person can inject. */
export function SimControls({ sim }: { sim: SimCommands }) {
  const id = useId();
  const playing = useSimStore((s) => s.playing);
  const speed = useSimStore((s) => s.speed);
  const achievedSpeed = useSimStore((s) => s.achievedSpeed);
  const seed = useSimStore((s) => s.seed);
  const settings = useSimStore((s) => s.settings);
  const actionCount = useSimStore((s) => s.timeline.length);
  const notice = useSimStore((s) => s.notice);
  const snapshot = useSimStore((s) => s.snapshot);
  const selectedTopic = usePlannerStore(selectSelectedTopic);
  const [broker, setBroker] = useState(0);
  const [seedDraft, setSeedDraft] = useState<string | null>(null);
  const [seedNote, setSeedNote] = useState('');

  const ready = snapshot !== null;
  const brokers = snapshot?.brokers ?? [];
  const chosen = brokers[Math.min(broker, brokers.length - 1)];
  // Consumer actions act on the selected topic's first group (in a one-topic run, group 0).
  const topic = snapshot ? runTopicIndex(snapshot, selectedTopic) : 0;
  const group = (snapshot ? firstGroupOf(snapshot, topic)?.id : undefined) ?? 0;
  const topicName = snapshot && snapshot.topics.length > 1 ? snapshot.topics[topic]?.name : undefined;
  const ofTopic = topicName ? ` (${topicName})` : '';
  const crashTarget = consumerToCrash(snapshot, topic);

  const commitSeed = () => {
    if (seedDraft === null) return;
    const text = seedDraft.trim();
    const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
    if (Number.isInteger(value) && value <= MAX_SEED) {
      setSeedNote('');
      if (value !== seed) sim.setSeed(value);
    } else {
      setSeedNote(`“${seedDraft}” is not a whole number from 0 to ${formatNumber(MAX_SEED, 0)}; kept ${seed}.`);
    }
    setSeedDraft(null);
  };
  const onSeedKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitSeed();
    if (event.key === 'Escape') setSeedDraft(null);
  };
  const changeSetting = (change: Partial<SimSettings>) => sim.setSettings({ ...settings, ...change });

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Run" className="flex flex-wrap items-end gap-3">
        <button type="button" className={PRIMARY} disabled={!ready} onClick={playing ? sim.pause : sim.play}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className={BUTTON} disabled={!ready} onClick={sim.step} aria-describedby={`${id}-step`}>
          Step
        </button>
        <span id={`${id}-step`} className="sr-only">
          Advances {STEP_MS} ms of simulated time, paused.
        </span>
        <button type="button" className={BUTTON} disabled={!ready} onClick={sim.reset}>
          Reset
        </button>
        <div className="flex flex-col text-xs">
          <label htmlFor={`${id}-speed`}>Speed</label>
          <select id={`${id}-speed`} className={FIELD} value={speed} onChange={(e) => sim.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((factor) => (
              <option key={factor} value={factor}>
                {speedText(factor)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col text-xs">
          <label htmlFor={`${id}-seed-field`}>Seed</label>
          <input
            id={`${id}-seed-field`}
            type="text"
            inputMode="numeric"
            className={`${FIELD} w-32 tabular-nums`}
            value={seedDraft ?? String(seed)}
            onChange={(e) => setSeedDraft(e.target.value)}
            onBlur={commitSeed}
            onKeyDown={onSeedKey}
            aria-describedby={`${id}-seed`}
          />
        </div>
        <span id={`${id}-seed`} className="sr-only">
          Same plan, seed, settings and actions give the same run. Whole number from 0 to {MAX_SEED}; press Enter to restart with it.
        </span>
        <SettingSelect
          id={`${id}-arrivals`}
          label="Arrivals"
          testId="sim-arrivals"
          value={settings.arrivals}
          choices={ARRIVAL_CHOICES}
          helpId={`${id}-arrivals-help`}
          onChange={(arrivals) => changeSetting({ arrivals })}
        />
        <SettingSelect
          id={`${id}-service`}
          label="Processing time"
          testId="sim-service"
          value={settings.service}
          choices={SERVICE_CHOICES}
          helpId={`${id}-service-help`}
          onChange={(service) => changeSetting({ service })}
        />
        <SettingSelect
          id={`${id}-rebalance`}
          label="Rebalance protocol"
          testId="sim-rebalance-protocol"
          value={settings.rebalanceProtocol}
          choices={REBALANCE_CHOICES}
          helpId={`${id}-rebalance-help`}
          onChange={(rebalanceProtocol) => changeSetting({ rebalanceProtocol })}
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {playing && achievedSpeed !== null && achievedSpeed < speed * 0.9
            ? `Running at ${formatNumber(achievedSpeed, achievedSpeed < 10 ? 2 : 0)}×: the simulation cannot keep up with ${formatNumber(speed)}× on this machine.`
            : ''}
        </p>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span id={`${id}-arrivals-help`}>Arrivals: {ARRIVAL_CHOICES[settings.arrivals].help}.</span>{' '}
        <span id={`${id}-service-help`}>Processing time: {SERVICE_CHOICES[settings.service].help}.</span>{' '}
        <span id={`${id}-rebalance-help`}>Rebalance protocol: {REBALANCE_CHOICES[settings.rebalanceProtocol].help}.</span>{' '}
        A change restarts the run with the recorded actions; the link carries it.
      </p>
      {seedNote && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-300">
          {seedNote}
        </p>
      )}

      <div role="group" aria-label="Faults and load" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col text-xs">
          <label htmlFor={`${id}-broker`}>Broker</label>
          <select id={`${id}-broker`} className={FIELD} value={chosen?.id ?? 0} onChange={(e) => setBroker(Number(e.target.value))} disabled={!ready}>
            {brokers.map((b) => (
              <option key={b.id} value={b.id}>
                Broker {b.id} ({b.up ? 'up' : 'down'})
              </option>
            ))}
          </select>
        </div>
        <button type="button" className={BUTTON} disabled={!chosen?.up} onClick={() => chosen && sim.apply({ type: 'broker-down', broker: chosen.id })}>
          Kill broker
        </button>
        <button type="button" className={BUTTON} disabled={!chosen || chosen.up} onClick={() => chosen && sim.apply({ type: 'broker-up', broker: chosen.id })}>
          Restart broker
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={crashTarget === null}
          aria-describedby={`${id}-crash`}
          onClick={() => crashTarget !== null && sim.apply({ type: 'consumer-crash', group, consumer: crashTarget })}
        >
          Crash consumer{ofTopic}
        </button>
        <span id={`${id}-crash`} className="sr-only">
          {crashTarget === null ? `No consumer of group ${group} is alive.` : `Stops consumer ${crashTarget} of group ${group} without leaving the group; noticed after the session timeout.`}
        </span>
        <button type="button" className={BUTTON} disabled={!ready} onClick={() => sim.apply({ type: 'consumer-add', group })}>
          Add consumer{ofTopic}
        </button>
        <button type="button" className={BUTTON} disabled={!ready} onClick={() => sim.apply({ type: 'traffic-spike', factor: 5, durationMs: 10_000 })}>
          Traffic spike ×5 for 10 s
        </button>
        <button type="button" className={BUTTON} disabled={!ready} onClick={() => sim.apply({ type: 'poison', count: 10 })}>
          Send poison events
        </button>
        <button type="button" className={BUTTON} disabled={!ready} onClick={() => sim.apply(topic === 0 ? { type: 'add-group' } : { type: 'add-group', topic })}>
          Add replay group{ofTopic}
        </button>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            disabled={!ready}
            checked={snapshot?.idempotentConsumers ?? false}
            onChange={(e) => sim.apply({ type: 'set-idempotent', enabled: e.target.checked })}
          />
          Idempotent consumers
        </label>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        “Send poison events” makes the next 10 events fail every time (they go to the dead-letter queue after the retries). “Add replay group” adds a
        consumer group that reads the retained log from offset 0.{topicName ? ` Consumer actions act on the selected topic, “${topicName}”; faults and spikes on the whole cluster.` : ''} Every action is recorded at its simulated time; the link carries them, so a copied
        link replays this run.{' '}
        <span>{actionCount === 1 ? '1 action recorded.' : `${actionCount} actions recorded.`}</span>{' '}
        {actionCount > 0 && (
          <button type="button" className="underline" onClick={sim.clearActions}>
            Clear recorded actions
          </button>
        )}
      </p>
      {notice && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-300">
          {notice}
        </p>
      )}
    </div>
  );
}

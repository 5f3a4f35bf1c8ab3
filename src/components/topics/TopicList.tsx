import { useId, useState, type KeyboardEvent } from 'react';
import { MAX_TOPICS, readTopicName } from '../../config/topic-names';
import type { TopicPlan } from '../../engine/cluster-plan';
import { formatNumber } from '../../lib/format';
import { selectPlan, selectSelectedTopic, usePlannerStore } from '../../state/planner-store';
import { SECONDARY_BUTTON, TEXT_INPUT } from '../scenarios/styles';

/**
 * The cluster's topics: select one (the sliders below edit it), add, duplicate, rename, remove
 * with undo. A one-topic plan shows its one name and an "Add topic" button, nothing more.
 */
export function TopicList() {
  const plan = usePlannerStore(selectPlan);
  const selected = usePlannerStore(selectSelectedTopic);
  const { selectTopic, addTopic, removeTopic, restoreTopic } = usePlannerStore.getState();
  const [removed, setRemoved] = useState<{ topic: TopicPlan; index: number } | null>(null);
  const topics = plan.topics;
  const full = topics.length >= MAX_TOPICS;

  const remove = () => {
    const gone = removeTopic(selected);
    if (gone) setRemoved(gone);
  };
  const undo = () => {
    if (!removed) return;
    restoreTopic(removed.topic, removed.index);
    setRemoved(null);
  };

  return (
    <div className="space-y-2 lg:space-y-1" data-testid="topic-list">
      <h3 className="font-medium lg:text-sm">Topics</h3>
      {topics.length > 1 && (
        <ul className="flex flex-wrap gap-1" aria-label="Topics of the cluster">
          {topics.map((topic, i) => (
            <li key={`${topic.name}-${i}`}>
              <button
                type="button"
                data-testid={`topic-item-${i}`}
                aria-pressed={i === selected}
                onClick={() => selectTopic(i)}
                className={`rounded border px-2 py-1 text-sm lg:py-0.5 ${i === selected ? 'border-teal-700 bg-teal-700 text-white' : 'border-slate-300 bg-white hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800'}`}
              >
                {topic.name} <span className="tabular-nums opacity-80">{formatNumber(topic.eventsPerSec, 3)}/s</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <TopicName key={selected} index={selected} name={topics[selected]?.name ?? ''} />
      <div className="flex flex-wrap gap-2 lg:gap-1">
        <button type="button" data-testid="topic-add" className={`${SECONDARY_BUTTON} lg:py-0.5`} disabled={full} onClick={() => addTopic()}>
          Add topic
        </button>
        <button type="button" data-testid="topic-duplicate" className={`${SECONDARY_BUTTON} lg:py-0.5`} disabled={full} onClick={() => addTopic(selected)}>
          Duplicate
        </button>
        <button type="button" data-testid="topic-remove" className={`${SECONDARY_BUTTON} lg:py-0.5`} disabled={topics.length <= 1} onClick={remove}>
          Remove
        </button>
      </div>
      {full && <p className="text-xs text-slate-600 dark:text-slate-400">A cluster plan holds at most {MAX_TOPICS} topics.</p>}
      {removed && (
        <p role="status" className="text-sm">
          Removed topic “{removed.topic.name}”.{' '}
          <button type="button" data-testid="topic-undo" className="text-teal-700 underline dark:text-teal-300" onClick={undo}>
            Undo
          </button>
        </p>
      )}
    </div>
  );
}

/** The selected topic's name, checked against Kafka's rules as it is typed, stored on Enter or leaving the field. */
function TopicName({ index, name }: { index: number; name: string }) {
  const id = useId();
  const [draft, setDraft] = useState(name);
  const [note, setNote] = useState('');
  // The name can change from elsewhere (undo, a loaded scenario): follow it, keeping the note.
  const [shown, setShown] = useState(name);
  if (shown !== name) {
    setShown(name);
    setDraft(name);
  }
  const commit = () => {
    if (draft === name) return;
    const read = readTopicName(draft, name);
    usePlannerStore.getState().renameTopic(index, read.name);
    const stored = usePlannerStore.getState().plan.topics[index]?.name ?? read.name;
    setNote(read.reason ? `“${draft.slice(0, 40)}” is ${read.reason}.` : stored !== read.name ? `Another topic is called “${read.name}”: “${stored}” was used.` : '');
    setDraft(stored);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(name);
  };
  return (
    <div className="space-y-1 lg:grid lg:grid-cols-[8.5rem_minmax(0,1fr)] lg:items-center lg:gap-x-2 lg:space-y-0">
      <label htmlFor={id} className="block text-sm text-slate-600 dark:text-slate-300" title="The sliders below edit this topic">
        Topic name<span className="lg:sr-only"> (the sliders below edit this topic)</span>
      </label>
      <input id={id} data-testid="topic-name" value={draft} maxLength={400} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKey} className={`${TEXT_INPUT} w-full font-mono lg:py-0.5 lg:text-sm`} />
      {note && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-300">
          {note}
        </p>
      )}
    </div>
  );
}

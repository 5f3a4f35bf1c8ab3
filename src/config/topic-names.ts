import { DEFAULT_TOPIC_NAME, MAX_TOPIC_NAME_LENGTH, topicNameProblem } from '../engine/cluster-plan';

/** A cluster holds at most this many topics in the planner (a link's further topics are dropped with a notice). */
export const MAX_TOPICS = 50;

/**
 * Untrusted text → a legal Kafka topic name: characters Kafka refuses become '-', the rest is cut
 * to 249 characters; nothing usable left gives `fallback`. Says what changed, or ''.
 */
export function readTopicName(text: string, fallback: string = DEFAULT_TOPIC_NAME): { name: string; reason: string } {
  const problem = topicNameProblem(text);
  if (!problem) return { name: text, reason: '' };
  const cleaned = Array.from(text.slice(0, 4 * MAX_TOPIC_NAME_LENGTH))
    .map((ch) => (/^[a-zA-Z0-9._-]$/.test(ch) ? ch : '-'))
    .join('')
    .slice(0, MAX_TOPIC_NAME_LENGTH);
  const usable = cleaned.replace(/-/g, '') !== '' && cleaned !== '.' && cleaned !== '..';
  const name = usable ? cleaned : fallback;
  return { name, reason: `not a Kafka topic name (${problem}); "${name}" was used` };
}

/** `base`, or `base-2`, `base-3`, … : the first not in `taken` (Kafka topic names are unique in a cluster). */
export function uniqueTopicName(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  const stem = base.slice(0, MAX_TOPIC_NAME_LENGTH - 4);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

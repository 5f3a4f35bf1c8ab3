import { CLUSTER_SPECS, TOPIC_SPECS } from '../../config/plan-assembly';
import type { ParamSpec } from '../../config/schema';
import type { ClusterPlan, TopicField, TopicPlan } from '../../engine/cluster-plan';
import { MAX_SCENARIO_FILE_CHARS, parseScenarioFile } from '../../export/scenario-file';
import { formatNumber } from '../../lib/format';
import { usePlannerStore } from '../../state/planner-store';
import { loadScenario, pushScenarioNotice } from '../../state/scenario-session';

const MAX_SHOWN_FILE_NAME = 80;

function shortName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= MAX_SHOWN_FILE_NAME ? name : `${chars.slice(0, MAX_SHOWN_FILE_NAME).join('')}…`;
}

function changeLine(spec: ParamSpec, before: number, after: number): string {
  return `${spec.label}: ${formatNumber(before, 3)} → ${formatNumber(after, 3)} ${spec.unit}`;
}

function topicChanges(before: TopicPlan, after: TopicPlan, label: string): string[] {
  const lines = before.name === after.name ? [] : [`${label}Topic name: ${before.name} → ${after.name}`];
  for (const spec of TOPIC_SPECS) {
    const field = spec.field as TopicField;
    if (before[field] !== after[field]) lines.push(`${label}${changeLine(spec, before[field], after[field])}`);
  }
  return lines;
}

/**
 * What differs between two plans, one line each: the broker type, each cluster param, then each
 * topic by its place ("Partitions: 5 → 48 partitions"; with several topics "Topic 2 “clicks”:
 * Partitions: …"), and the topics added or removed.
 */
export function describePlanChanges(before: ClusterPlan, after: ClusterPlan): string[] {
  const lines = before.brokerType === after.brokerType ? [] : [`Broker type: ${before.brokerType} → ${after.brokerType}`];
  for (const spec of CLUSTER_SPECS) {
    const field = spec.field as keyof ClusterPlan['cluster'];
    if (before.cluster[field] !== after.cluster[field]) lines.push(changeLine(spec, before.cluster[field], after.cluster[field]));
  }
  const several = before.topics.length > 1 || after.topics.length > 1;
  after.topics.forEach((topic, i) => {
    const old = before.topics[i];
    if (!old) lines.push(`Added topic ${i + 1} “${topic.name}”`);
    else lines.push(...topicChanges(old, topic, several ? `Topic ${i + 1} “${topic.name}”: ` : ''));
  });
  before.topics.slice(after.topics.length).forEach((topic, i) => lines.push(`Removed topic ${after.topics.length + i + 1} “${topic.name}”`));
  return lines;
}

/** Read a scenario file the person picked; load it (the link follows) and say what changed, or why nothing did. */
export async function importScenarioFile(file: File): Promise<void> {
  const fileName = shortName(file.name);
  const refuse = (reason: string) => pushScenarioNotice({ tone: 'warning', title: `“${fileName}” was not imported; the plan is unchanged.`, items: [reason] });
  // A scenario file is under 2 KB: a large one is refused before it is read into memory.
  if (file.size > MAX_SCENARIO_FILE_CHARS) {
    refuse(`The file is too large (${formatNumber(file.size, 0)} bytes; a scenario file is under ${formatNumber(MAX_SCENARIO_FILE_CHARS, 0)}).`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    refuse('The file could not be read.');
    return;
  }
  const result = parseScenarioFile(text);
  if (!result.ok) {
    refuse(result.error);
    return;
  }
  const before = usePlannerStore.getState().plan;
  const name = result.name ?? fileName;
  // The whole plan in the file replaces every topic.
  loadScenario({ kind: 'file', name }, result.plan);
  const repaired = result.notices.map((n) => `Repaired: ${n.param} = “${n.given}”: ${n.reason}.`);
  const changes = describePlanChanges(before, usePlannerStore.getState().plan);
  pushScenarioNotice({
    tone: repaired.length > 0 ? 'warning' : 'info',
    title: `Imported “${name}” from ${fileName}.${repaired.length > 0 ? ' Some values in the file could not be used as given.' : ''}`,
    items: [...repaired, ...(changes.length > 0 ? changes.map((c) => `Changed: ${c}`) : ['The plan in the file is the plan you had: nothing changed.'])],
  });
}

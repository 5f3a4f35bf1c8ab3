import { PARAMS } from '../../config/schema';
import type { PlanConfig } from '../../engine/plan-config';
import { MAX_SCENARIO_FILE_CHARS, parseScenarioFile } from '../../export/scenario-file';
import { formatNumber } from '../../lib/format';
import { usePlannerStore } from '../../state/planner-store';
import { loadScenario, pushScenarioNotice } from '../../state/scenario-session';

const MAX_SHOWN_FILE_NAME = 80;

function shortName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= MAX_SHOWN_FILE_NAME ? name : `${chars.slice(0, MAX_SHOWN_FILE_NAME).join('')}…`;
}

/** What differs between two plans, one line a param: "Partitions: 5 → 48 partitions". */
export function describeChanges(before: PlanConfig, after: PlanConfig): string[] {
  return PARAMS.filter((spec) => before[spec.field] !== after[spec.field]).map(
    (spec) => `${spec.label}: ${formatNumber(before[spec.field], 3)} → ${formatNumber(after[spec.field], 3)} ${spec.unit}`,
  );
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
  const before = usePlannerStore.getState().config;
  const name = result.name ?? fileName;
  loadScenario({ kind: 'file', name }, result.config);
  const repaired = result.notices.map((n) => `Repaired: ${n.param} = “${n.given}”: ${n.reason}.`);
  const changes = describeChanges(before, result.config);
  pushScenarioNotice({
    tone: repaired.length > 0 ? 'warning' : 'info',
    title: `Imported “${name}” from ${fileName}.${repaired.length > 0 ? ' Some values in the file could not be used as given.' : ''}`,
    items: [...repaired, ...(changes.length > 0 ? changes.map((c) => `Changed: ${c}`) : ['The plan in the file is the plan you had: nothing changed.'])],
  });
}

import { pageSchemaRef } from './schema-ref';
import { useId, useState } from 'react';
import type { ClusterPlan } from '../../engine/cluster-plan';
import { kafkaTopicsCommands, topicNameProblem, topicNameWarning } from '../../export/kafka-topics';
import { serializeScenarioFile } from '../../export/scenario-file';
import { STRIMZI_API_VERSIONS, strimziKafkaTopicsYaml, type StrimziApiVersion } from '../../export/strimzi';
import { clusterMetricsFor } from '../../state/planner-store';
import { loadedIfUnchanged, useScenarioSession } from '../../state/scenario-session';
import { usePlanAtRest } from '../hooks/usePlanAtRest';
import { downloadText, fileSlug } from './download';
import { ExportBlock } from './ExportBlock';
import { planMetricsCsv, topicSpecsFor } from '../../export/plan-exports';

/** Excel reads a CSV as UTF-8 only with a byte-order mark ("µs", "×" in the text column). */
const BOM = '\uFEFF';

/**
 * Why the topics cannot be exported as they are: the first name Kafka would refuse, or ''. The
 * store keeps names legal; this guards the command line against any path that did not.
 */
function topicNamesProblem(plan: ClusterPlan): string {
  for (const topic of plan.topics) {
    const problem = topicNameProblem(topic.name);
    if (problem) return `Topic “${topic.name.slice(0, 60)}”: ${problem}`;
  }
  return '';
}

function topicNamesWarning(plan: ClusterPlan): string {
  const mixed = plan.topics.filter((topic) => topicNameWarning(topic.name)).map((topic) => topic.name);
  return mixed.length ? `${mixed.join(', ')}: ${topicNameWarning(mixed[0] as string)}` : '';
}

/** The file names of the topic exports: the topic's own for one topic, the plan's for several. */
function topicFileNames(plan: ClusterPlan, planSlug: string): { command: string; yaml: string } {
  const only = plan.topics.length === 1 ? plan.topics[0] : undefined;
  return only
    ? { command: `create-topic-${only.name}.sh`, yaml: `kafkatopic-${only.name}.yaml` }
    : { command: `create-topics-${planSlug}.sh`, yaml: `kafkatopics-${planSlug}.yaml` };
}

/** Export the plan: metrics as CSV, the plan as JSON, every topic as a command and a Strimzi resource. */
export function ExportSection() {
  const { plan, config } = usePlanAtRest();
  const metrics = clusterMetricsFor(plan);
  const loaded = loadedIfUnchanged(
    useScenarioSession((state) => state.loaded),
    config,
  );
  const apiId = useId();
  const [apiVersion, setApiVersion] = useState<StrimziApiVersion>('kafka.strimzi.io/v1');
  const problem = topicNamesProblem(plan);
  const warning = problem ? '' : topicNamesWarning(plan);
  const several = plan.topics.length > 1;

  const specs = topicSpecsFor(plan, metrics);
  const csv = planMetricsCsv(plan, metrics);
  const json = serializeScenarioFile(plan, loaded?.name, pageSchemaRef());
  const command = problem ? '' : kafkaTopicsCommands(specs);
  const yaml = problem ? '' : strimziKafkaTopicsYaml(specs, undefined, apiVersion);
  const planSlug = fileSlug(loaded?.name ?? '', 'eventflow-plan');
  const jsonFile = `${planSlug}.json`;
  const files = topicFileNames(plan, planSlug);

  return (
    <section aria-labelledby="export-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="export-heading" className="text-lg font-semibold">
        Export
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <ExportBlock title="Metrics (CSV)" what="CSV" text={csv} fileName="eventflow-metrics.csv" testId="export-csv" onDownload={() => downloadText('eventflow-metrics.csv', BOM + csv, 'text/csv;charset=utf-8')} />
        <ExportBlock title="Plan (JSON)" what="JSON" text={json} fileName={jsonFile} testId="export-json" onDownload={() => downloadText(jsonFile, json, 'application/json')} />
      </div>
      {(problem || warning) && (
        <p role={problem ? 'alert' : undefined} className={`text-xs ${problem ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'}`}>
          {problem || warning}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <ExportBlock
          title={several ? `kafka-topics.sh commands (${plan.topics.length} topics)` : 'kafka-topics.sh command'}
          what="command"
          text={command}
          fileName={files.command}
          testId="export-kafka-topics"
          problem={problem ? `Fix the topic name to get the commands: ${problem}` : undefined}
          rows={several ? 12 : 6}
          onDownload={() => downloadText(files.command, command, 'text/x-shellscript')}
        />
        <ExportBlock
          title={several ? `Strimzi KafkaTopics (YAML, ${plan.topics.length} resources)` : 'Strimzi KafkaTopic (YAML)'}
          what="YAML"
          text={yaml}
          fileName={files.yaml}
          testId="export-strimzi"
          problem={problem ? `Fix the topic name to get the resources: ${problem}` : undefined}
          rows={several ? 20 : 14}
          onDownload={() => downloadText(files.yaml, yaml, 'application/yaml')}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={apiId}>Strimzi API version</label>
        <select
          id={apiId}
          value={apiVersion}
          onChange={(event) => setApiVersion(event.target.value as StrimziApiVersion)}
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
        >
          {STRIMZI_API_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {v === 'kafka.strimzi.io/v1' ? `${v} (Strimzi 1.0 and later)` : `${v} (Strimzi 0.x)`}
            </option>
          ))}
        </select>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        One command and one KafkaTopic a topic of the plan, named as in &ldquo;Your plan&rdquo;. min.insync.replicas is each topic&apos;s (Min in-sync
        replicas): with acks=all a write needs that many copies in sync. Replace the bootstrap server and the Strimzi cluster name with yours.
      </p>
    </section>
  );
}

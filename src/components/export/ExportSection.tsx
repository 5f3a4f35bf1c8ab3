import { useId, useState } from 'react';
import { DEFAULT_TOPIC_NAME, kafkaTopicsCommand, topicNameProblem, topicNameWarning, TOPIC_NAME_MAX_CHARS } from '../../export/kafka-topics';
import { serializeScenarioFile } from '../../export/scenario-file';
import { STRIMZI_API_VERSIONS, strimziKafkaTopicYaml, type StrimziApiVersion } from '../../export/strimzi';
import { metricsFor } from '../../state/planner-store';
import { loadedIfUnchanged, useScenarioSession } from '../../state/scenario-session';
import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { TEXT_INPUT } from '../scenarios/styles';
import { downloadText, fileSlug } from './download';
import { ExportBlock } from './ExportBlock';
import { planMetricsCsv, topicSpecFor } from './export-data';

/** Excel reads a CSV as UTF-8 only with a byte-order mark ("µs", "×" in the text column). */
const BOM = '\uFEFF';

/** Export the plan: metrics as CSV, the config as JSON, the topic as a command and a Strimzi resource. */
export function ExportSection() {
  const config = usePlanInTransition();
  const metrics = metricsFor(config);
  const loaded = loadedIfUnchanged(
    useScenarioSession((state) => state.loaded),
    config,
  );
  const [topic, setTopic] = useState(DEFAULT_TOPIC_NAME);
  const topicId = useId();
  const problem = topicNameProblem(topic);
  const warning = problem ? '' : topicNameWarning(topic);
  const spec = topicSpecFor(config, topic, metrics);
  const [apiVersion, setApiVersion] = useState<StrimziApiVersion>('kafka.strimzi.io/v1');

  const csv = planMetricsCsv(config, metrics);
  const json = serializeScenarioFile(config, loaded?.name);
  const command = problem ? '' : kafkaTopicsCommand(spec);
  const yaml = problem ? '' : strimziKafkaTopicYaml(spec, undefined, apiVersion);
  const jsonFile = `${fileSlug(loaded?.name ?? '', 'eventflow-plan')}.json`;

  return (
    <section aria-labelledby="export-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="export-heading" className="text-lg font-semibold">
        Export
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <ExportBlock title="Metrics (CSV)" what="CSV" text={csv} fileName="eventflow-metrics.csv" testId="export-csv" onDownload={() => downloadText('eventflow-metrics.csv', BOM + csv, 'text/csv;charset=utf-8')} />
        <ExportBlock title="Plan (JSON)" what="JSON" text={json} fileName={jsonFile} testId="export-json" onDownload={() => downloadText(jsonFile, json, 'application/json')} />
      </div>
      <div className="space-y-1">
        <label htmlFor={topicId} className="text-sm font-medium">
          Topic name
        </label>
        <div>
          <input
            id={topicId}
            value={topic}
            onChange={(event) => setTopic(event.target.value)}
            aria-invalid={!!problem}
            aria-describedby={`${topicId}-help`}
            maxLength={TOPIC_NAME_MAX_CHARS + 1}
            spellCheck={false}
            className={`${TEXT_INPUT} w-full max-w-md font-mono`}
          />
        </div>
        <p id={`${topicId}-help`} role={problem ? 'alert' : undefined} className={`text-xs ${problem ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'}`}>
          {problem || warning || `Letters, digits, ".", "_" and "-", at most ${TOPIC_NAME_MAX_CHARS} characters (Kafka's rules).`}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ExportBlock
          title="kafka-topics.sh command"
          what="command"
          text={command}
          fileName={`create-topic-${topic}.sh`}
         
          testId="export-kafka-topics"
          problem={problem ? `Fix the topic name to get the command: ${problem}` : undefined}
          rows={6}
          onDownload={() => downloadText(`create-topic-${topic}.sh`, command, 'text/x-shellscript')}
        />
        <ExportBlock
          title="Strimzi KafkaTopic (YAML)"
          what="YAML"
          text={yaml}
          fileName={`kafkatopic-${topic}.yaml`}
         
          testId="export-strimzi"
          problem={problem ? `Fix the topic name to get the resource: ${problem}` : undefined}
          rows={14}
          onDownload={() => downloadText(`kafkatopic-${topic}.yaml`, yaml, 'application/yaml')}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`${topicId}-api`}>Strimzi API version</label>
        <select
          id={`${topicId}-api`}
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
        min.insync.replicas is the plan&apos;s (Min in-sync replicas): with acks=all a write needs that many copies in sync. Replace the bootstrap server and
        the Strimzi cluster name with yours.
      </p>
    </section>
  );
}

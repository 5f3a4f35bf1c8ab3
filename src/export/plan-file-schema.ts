import { BROKER_TYPES, CUSTOM_BROKER_TYPE, DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { MAX_CALIBRATION_LINE_CHARS } from '../config/calibration-record';
import { CLUSTER_SPECS, TOPIC_SPECS } from '../config/plan-assembly';
import { paramSpec, type ParamSpec } from '../config/schema';
import { MAX_TOPICS } from '../config/topic-names';
import { MAX_TOPIC_NAME_LENGTH } from '../engine/cluster-plan';
import { MAX_SCENARIO_NAME_CHARS, PLAN_FILE_SCHEMA_NAME, SCENARIO_FILE_FORMAT, SCENARIO_FILE_VERSION } from './scenario-file';

/**
 * The JSON Schema (draft 2020-12) of the plan file (src/export/scenario-file.ts, version 2),
 * generated from PARAMS so it cannot drift from the inputs. public/plan-file.schema.json is its
 * output, checked by src/export/plan-file-schema.test.ts; docs/plan-file.md describes the file.
 *
 * It describes what the planner writes: numbers as numbers, every value in range. The reader is
 * more lenient (numeric text, out-of-range values repaired with a notice, unknown keys ignored), so
 * only the objects whose every key is known (cluster, a topic, calibration) forbid others: an
 * editor then flags a typo such as `"brokerz"`.
 */

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

export const PLAN_FILE_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
/** Kafka's legal topic-name characters (src/engine/cluster-plan.ts topicNameProblem). */
export const TOPIC_NAME_PATTERN = '^[a-zA-Z0-9._-]+$';

const PARTITIONS = paramSpec('partitions');

/** What one value means, as the docs write it: "Brokers — Brokers in the cluster (brokers). Default 3." */
export function paramDescription(spec: ParamSpec): string {
  // A choice's values, unless its description already names each of them.
  const choices = spec.choices && !spec.choices.every((label) => spec.description.includes(label)) ? ` Values: ${spec.choices.map((label, i) => `${spec.min + i} = ${label}`).join(', ')}.` : '';
  const values = spec.toggle ? ' 0 = off, 1 = on.' : choices;
  return `${spec.label} — ${spec.description} (${spec.unit}).${values} Default ${spec.defaultValue}.`;
}

function paramSchema(spec: ParamSpec): Json {
  return {
    type: spec.integer ? 'integer' : 'number',
    ...(spec.toggle ? { enum: [0, 1] } : {}),
    minimum: spec.min,
    maximum: spec.max,
    default: spec.defaultValue,
    description: paramDescription(spec),
  };
}

function paramProperties(specs: readonly ParamSpec[]): Record<string, Json> {
  return Object.fromEntries(specs.map((spec) => [spec.name, paramSchema(spec)]));
}

function topicSchema(): Json {
  return {
    type: 'object',
    description: 'One topic: its name and its inputs. A missing input takes its default.',
    additionalProperties: false,
    properties: {
      name: {
        type: 'string',
        pattern: TOPIC_NAME_PATTERN,
        minLength: 1,
        maxLength: MAX_TOPIC_NAME_LENGTH,
        not: { enum: ['.', '..'] },
        description: `Kafka topic name: letters, digits, '.', '_' and '-', 1 to ${MAX_TOPIC_NAME_LENGTH} characters, not '.' or '..', unique in the cluster. Missing: a default name.`,
      },
      ...paramProperties(TOPIC_SPECS),
    },
  };
}

function calibrationSchema(): Json {
  return {
    type: 'object',
    description: 'What the assumptions were calibrated from (docs/plan-file.md "plan.calibration"). Left out, with a notice, when its lines no longer read or its topic is not in the plan.',
    additionalProperties: false,
    required: ['producer', 'testPartitions', 'topic'],
    properties: {
      producer: { type: 'string', maxLength: MAX_CALIBRATION_LINE_CHARS, description: "kafka-producer-perf-test's summary line, as pasted." },
      consumer: { type: 'string', maxLength: MAX_CALIBRATION_LINE_CHARS, description: "kafka-consumer-perf-test's CSV data line, if one was given." },
      testPartitions: { type: 'integer', minimum: PARTITIONS.min, maximum: PARTITIONS.max, description: 'Partitions of the topic the perf test ran against.' },
      topic: { type: 'string', description: 'The name of the topic of the plan whose event size the test set.' },
    },
  };
}

/** The schema of a plan file, version 2: public/plan-file.schema.json. */
export function planFileJsonSchema(): object {
  const schema: Json = {
    $schema: PLAN_FILE_SCHEMA_DIALECT,
    $id: PLAN_FILE_SCHEMA_NAME,
    title: 'Eventflow Planner plan file',
    description: `A Kafka cluster plan as Eventflow Planner saves it (format ${SCENARIO_FILE_FORMAT}, version ${SCENARIO_FILE_VERSION}). Generated from the planner's inputs (src/config/schema.ts PARAMS); described in docs/plan-file.md. The planner reads any file leniently: a wrong value is replaced, with a notice naming it.`,
    type: 'object',
    required: ['format', 'plan'],
    properties: {
      $schema: { type: 'string', description: 'Where editors find this schema; the planner ignores it.' },
      format: { const: SCENARIO_FILE_FORMAT, description: 'What the file is.' },
      version: { const: SCENARIO_FILE_VERSION, description: 'The file format version.' },
      name: { type: 'string', maxLength: MAX_SCENARIO_NAME_CHARS, description: `The plan's name, at most ${MAX_SCENARIO_NAME_CHARS} characters; control characters are removed.` },
      plan: {
        type: 'object',
        description: 'The cluster and its topics, keyed by the link\'s public parameter names.',
        required: ['topics'],
        properties: {
          brokerType: {
            type: 'string',
            enum: [...BROKER_TYPES.map((type) => type.id), CUSTOM_BROKER_TYPE],
            description: `A broker type of the catalogue, or "${CUSTOM_BROKER_TYPE}" for limits and prices of your own. Missing: ${DEFAULT_BROKER_TYPE}.`,
          },
          cluster: {
            type: 'object',
            description: 'The inputs the whole cluster shares. A missing one takes its default.',
            additionalProperties: false,
            properties: paramProperties(CLUSTER_SPECS),
          },
          topics: {
            type: 'array',
            description: `The topics in order, 1 to ${MAX_TOPICS}.`,
            minItems: 1,
            maxItems: MAX_TOPICS,
            items: topicSchema(),
          },
          calibration: calibrationSchema(),
        },
      },
    },
  };
  return schema as object;
}

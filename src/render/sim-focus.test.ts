import { describe, expect, it } from 'vitest';
import { recordingContext } from '../test-support/recording-context';
import { makePlainSnapshot, makeSnapshot } from '../test-support/sim-snapshot';
import { makeClusterPlain, viewOfPlain } from '../test-support/sim-view';
import { paintSim } from './paint-sim';
import { LIGHT_PALETTE } from './palette';
import { focusInWords, focusOptions, focusValue, parseFocus, resolveFocus, WHOLE_CLUSTER } from './sim-focus';
import { sceneOf } from './sim-scene';

const VIEW = { widthPx: 900, heightPx: 416, pixelRatio: 1 };

describe('what the canvas shows in detail', () => {
  it('offers the whole cluster, each topic, each broker, and ranges of 100 of a topic of more than 100 partitions', () => {
    const options = focusOptions(makeSnapshot({ config: { partitions: 250, brokers: 3 } }));
    expect(options.map((o) => o.label)).toEqual(['Whole cluster', 'Topic events', 'Broker 0', 'Broker 1', 'Broker 2', 'events partitions 0–99', 'events partitions 100–199', 'events partitions 200–249']);
    expect(options.map((o) => o.section)).toEqual(['', 'Topics', 'Brokers', 'Brokers', 'Brokers', 'Partitions', 'Partitions', 'Partitions']);
    expect(focusOptions(makeSnapshot()).some((o) => o.section === 'Partitions')).toBe(false);
  });

  it('hands out the same options while the run’s topics and brokers stay the same', () => {
    const first = focusOptions(makeSnapshot({ timeMs: 1000 }));
    expect(focusOptions(makeSnapshot({ timeMs: 2000 }))).toBe(first);
    expect(focusOptions(makeSnapshot({ config: { brokers: 4 } }))).not.toBe(first);
  });

  it('reads back every option’s value, and anything else as the whole cluster', () => {
    const view = makeSnapshot({ config: { partitions: 250 } });
    for (const option of focusOptions(view)) expect(focusValue(parseFocus(option.value))).toBe(option.value);
    for (const junk of ['', 'broker', 'broker:-1', 'topic:x', 'range:0', 'nonsense:1']) expect(parseFocus(junk)).toEqual(WHOLE_CLUSTER);
  });

  it('falls back to the whole cluster for what the run does not have', () => {
    const view = makeSnapshot({ config: { partitions: 250, brokers: 3 } });
    expect(resolveFocus(view, { kind: 'broker', broker: 3 })).toEqual(WHOLE_CLUSTER);
    expect(resolveFocus(view, { kind: 'topic', topic: 1 })).toEqual(WHOLE_CLUSTER);
    expect(resolveFocus(view, { kind: 'range', topic: 0, first: 300 })).toEqual(WHOLE_CLUSTER);
    expect(resolveFocus(view, { kind: 'range', topic: 0, first: 150 })).toEqual(WHOLE_CLUSTER);
    expect(resolveFocus(view, { kind: 'broker', broker: 2 })).toEqual({ kind: 'broker', broker: 2 });
    expect(focusInWords(view, { kind: 'range', topic: 0, first: 200 })).toBe('events partitions 200–249');
  });

  it('a broker: only the partitions it holds a replica of, a lane per topic', () => {
    const plain = makeClusterPlain([{ name: 'orders', partitions: 6, consumers: 2 }, { name: 'clicks', partitions: 4, consumers: 2 }], 5);
    const view = viewOfPlain({ ...plain, partitions: plain.partitions.map((p) => ({ ...p, replicas: p.replicas.slice(0, 2), isr: p.isr.slice(0, 2) })) });
    const scene = sceneOf(view, VIEW, { kind: 'broker', broker: 1 });
    const held = (topic: number) => Array.from({ length: view.partitions.length }, (_, p) => p).filter((p) => view.partitions.topicOf(p) === topic && view.partitions.replicas(p).includes(1));
    expect(scene.lanes.map((lane) => [lane.topic, [...lane.ids]])).toEqual([0, 1].map((t) => [t, held(t)]).filter(([, ids]) => (ids as number[]).length > 0));
    const rec = recordingContext();
    paintSim(rec.ctx, view, VIEW, 0, LIGHT_PALETTE, { kind: 'broker', broker: 1 });
    const rows = rec.texts().filter((t) => / ▸ B\d$/.test(t));
    expect(rows).toHaveLength(held(0).length + held(1).length);
    expect(rec.texts().some((t) => t.startsWith('Topic orders on broker 1 · '))).toBe(true);
  });

  it('a topic: its lane and its groups only; a range: those 100 partitions', () => {
    const cluster = viewOfPlain(makeClusterPlain([{ name: 'orders', partitions: 6, consumers: 2 }, { name: 'clicks', partitions: 4, consumers: 2 }]));
    const topic = sceneOf(cluster, VIEW, { kind: 'topic', topic: 1 });
    expect(topic.lanes.map((lane) => [...lane.ids])).toEqual([[6, 7, 8, 9]]);
    expect(topic.groups.map((g) => g.group)).toEqual([1]);
    const range = sceneOf(makeSnapshot({ config: { partitions: 250 } }), VIEW, { kind: 'range', topic: 0, first: 100 });
    expect([...range.lanes[0]!.ids]).toEqual(Array.from({ length: 100 }, (_, k) => 100 + k));
    // Partitions left out have no row, so no batch dots.
    expect(range.rowY[99]).toBeNaN();
    expect(range.rowY[100]).not.toBeNaN();
  });

  it('the whole cluster: every partition has a row', () => {
    const scene = sceneOf(viewOfPlain(makePlainSnapshot()), VIEW, WHOLE_CLUSTER);
    expect([...scene.rowY].every((y) => !Number.isNaN(y))).toBe(true);
  });
});

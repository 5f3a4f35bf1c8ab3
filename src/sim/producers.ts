import type { LogSegments } from './log-segments';
import type { PartitionLog } from './partition-log';
import { BATCH, FLOW_RING, topicOfPartition, writable, type World } from './world';

/**
 * The producers: one keyed stream per partition (Poisson or evenly spaced arrivals), gathered
 * into record batches by linger.ms and batch.size, sent with acks=all; while a partition cannot
 * take acks=all writes its events are held and sent once it can (the producer's retries).
 * Appending a batch tells the consumer groups through `w.hooks.onAppended`.
 */

/** Partition p's share of its topic's producer rate, events per ms (a hot key sends extra to the topic's first partition). */
export function ratePerMs(w: World, p: number): number {
  const topic = topicOfPartition(w, p);
  const evenShare = (1 - topic.hotKeyShare) / topic.count;
  const share = p === topic.first ? topic.hotKeyShare + evenShare : evenShare;
  return (topic.eventsPerSec * w.spikeFactor * share) / 1000;
}

/** Draws the next batch of partition p: when its first event arrives, how many events, when it is sent. */
export function scheduleBatch(w: World, p: number, fromMs: number): void {
  const { opt, rng, queue, pendingCount, pendingFirstMs, pendingLastMs } = w;
  const rate = ratePerMs(w, p);
  if (!(rate > 0)) {
    pendingCount[p] = 0;
    return;
  }
  const poissonArrivals = opt.arrivals === 'poisson';
  const firstMs = fromMs + (poissonArrivals ? rng.exponential(rate) : 1 / rate);
  let events = 1;
  let closeMs = firstMs;
  let lastMs = firstMs;
  const m = topicOfPartition(w, p).maxRecordsPerBatch;
  if (m > 1 && opt.lingerMs > 0) {
    const fillMs = poissonArrivals ? rng.gamma(m - 1, rate) : (m - 1) / rate;
    if (fillMs <= opt.lingerMs) {
      events = m; // batch.size reached before linger.ms
      closeMs = lastMs = firstMs + fillMs;
    } else {
      // linger.ms expired first: the number of further arrivals is Poisson, given it stayed below m − 1.
      let more: number;
      if (poissonArrivals) {
        do more = rng.poisson(rate * opt.lingerMs);
        while (more > m - 2);
      } else {
        more = Math.min(m - 2, Math.floor(opt.lingerMs * rate));
      }
      events = 1 + more;
      closeMs = firstMs + opt.lingerMs;
      // Expected time of the last of `more` uniform arrivals in the linger window.
      lastMs = firstMs + (opt.lingerMs * more) / (more + 1);
    }
  }
  pendingCount[p] = events;
  pendingFirstMs[p] = firstMs;
  pendingLastMs[p] = lastMs;
  queue.push(closeMs, BATCH, p);
}

/** Appends a batch to partition p's log (acks=all: readable once every in-sync follower has it). */
function append(w: World, p: number, events: number, firstMs: number, lastMs: number): void {
  const { logs, isr, opt, poison, flowPartition, flowEvents, flowAtMs } = w;
  const topic = topicOfPartition(w, p);
  const partitionLog = logs[p] as PartitionLog;
  // acks=all: readable once every in-sync follower has fetched the batch.
  const readableMs = w.nowMs + ((isr[p]?.length ?? 1) > 1 ? opt.replicationDelayMs : 0);
  const base = partitionLog.logEndOffset;
  partitionLog.append(events, firstMs, lastMs, readableMs);
  partitionLog.advanceHighWatermark(w.nowMs);
  // retention.ms deletes whole Kafka segments (log-segments.ts); the log follows their start.
  const segments = w.segments[p] as LogSegments;
  segments.append(base, events * topic.bytesPerEvent, w.nowMs, lastMs);
  segments.deleteOlderThan(w.nowMs - topic.retentionMs);
  if (segments.logStartOffset > partitionLog.logStartOffset) partitionLog.trimTo(segments.logStartOffset);
  w.produced += events;
  topic.produced += events;
  // The leader takes the batch in; every in-sync follower fetches it from the leader.
  const bytes = events * topic.bytesPerEvent;
  const leader = w.leader[p] as number;
  w.brokerInBytes[leader] = (w.brokerInBytes[leader] as number) + bytes;
  for (const follower of isr[p] as number[]) {
    if (follower === leader) continue;
    w.brokerInBytes[follower] = (w.brokerInBytes[follower] as number) + bytes;
    w.brokerOutBytes[leader] = (w.brokerOutBytes[leader] as number) + bytes;
  }
  if (w.poisonToSend > 0) {
    const bad = Math.min(events, w.poisonToSend);
    for (let i = 0; i < bad; i += 1) poison[p]?.push(base + i);
    w.poisonToSend -= bad;
  }
  flowPartition[w.flowNext] = p;
  flowEvents[w.flowNext] = events;
  flowAtMs[w.flowNext] = w.nowMs;
  w.flowNext = (w.flowNext + 1) % FLOW_RING;
  w.hooks.onAppended(p, readableMs);
}

/** The batch of partition p closes: appended if acks=all can be met, else held by the producer. */
export function produceBatch(w: World, p: number): void {
  const { pendingCount, pendingFirstMs, pendingLastMs, bufferedCount, bufferedFirstMs, bufferedLastMs } = w;
  const events = pendingCount[p] as number;
  if (events <= 0) return;
  if (writable(w, p)) {
    flushBuffered(w, p);
    append(w, p, events, pendingFirstMs[p] as number, pendingLastMs[p] as number);
  } else {
    // acks=all cannot be met: the producer holds the events and retries.
    if ((bufferedCount[p] as number) === 0) bufferedFirstMs[p] = pendingFirstMs[p] as number;
    bufferedCount[p] = (bufferedCount[p] as number) + events;
    bufferedLastMs[p] = pendingLastMs[p] as number;
  }
}

/** Sends the events the producer held for partition p, once it is writable again. */
export function flushBuffered(w: World, p: number): void {
  const { bufferedCount, bufferedFirstMs, bufferedLastMs } = w;
  const events = bufferedCount[p] as number;
  if (events <= 0 || !writable(w, p)) return;
  bufferedCount[p] = 0;
  append(w, p, events, bufferedFirstMs[p] as number, bufferedLastMs[p] as number);
}

import { EXP_P50_FACTOR, EXP_P99_FACTOR } from './assumptions';
import type { ConsumerLoad } from './consumer-load';
import type { PlanConfig } from './plan-config';

/**
 * End-to-end latency of an event on the busiest consumer (the slowest path through the group),
 * with the producers' batching, as the simulation forms batches (docs/model.md "Latency").
 *
 * Batches. A producer batch of partition p opens at its first event and is sent when it holds
 * m = ⌊batch.size / s⌋ events or linger.ms after its first event, whichever is first. Events reach
 * p as a Poisson stream of rate λ_p = λ/P, so a batch holds X = 1 + min(N, m − 1) events with
 * N ~ Poisson(λ_p·linger) (X = 1 when linger is 0 or m = 1). The busiest consumer owns k = ⌈P/a⌉
 * partitions: events at λ_b = k·λ_p, ρ = λ_b/μ, μ = 1000 / L.
 *
 * Wait (readable → start of processing), with exponential processing. An event waits for the
 * events ahead of it in its own batch, E[J] = (E[X²]/E[X] − 1)/2 of them, and for the queue its
 * batch finds. Were batches a Poisson stream (M^X/M/1), that queue would be the time average and
 *   Wq = [ρ/μ + (E[X²]/E[X] − 1)/(2μ)] / (1 − ρ)      (M^X/G/1 with exponential service).
 * They are not: a partition opens its next batch only after the previous one was sent, so its
 * batches come more regularly, and each finds less of its own partition's earlier work than the
 * time average. The model subtracts that shortfall Δ (in events):
 *   Wq = [ρ/μ + (E[X²]/E[X] − 1)/(2μ) − Δ/μ] / (1 − ρ),   Δ = r·(1 + E[J]) − (1 − r)·Q,
 * the terms of the tagged partition alone, served at the capacity the other k − 1 leave it,
 * μ' = μ·(1 − ρ·(k − 1)/k), r = λ_p/μ': Q is the mean of its own events found by a batch of it,
 *   Q = E[(X − D)⁺] / (1 − E[r^(D − X)⁺]),
 * where D is the number of services μ' could complete in the time to its next batch (the
 * exponential gap to the next first event plus the next batch's filling time). Q is exact when
 * the number found has a geometric law with ratio r beyond 0 — its tail ratio is exactly r (the
 * event stream of one partition stays Poisson over a batch cycle) — and Δ = 0 for Poisson batches,
 * so the formula is M/M/1 when X = 1 and tends to M^X/M/1 as k grows; against the simulation it is
 * within 2 % for one partition per consumer unless batches are partly full (−6 % at m = 4, θ = 3)
 * (docs/model.md "Latency" has the table).
 *
 * Latency = t_p + d + Wq + 1/μ on average, d the mean time an event waits in its producer batch and
 * t_p the produce latency floor (send → acks=all acknowledgement, an assumption: 0 unless set, e.g.
 * from a kafka-producer-perf-test p50). Percentiles approximate the time at the consumer (wait and
 * processing) as exponential with mean Wq + 1/μ (exact for M/M/1) and add t_p + d.
 *
 * Left out unless t_p is set: broker append, replication (the simulation's follower fetch before the
 * high watermark covers a batch, 1 ms, or t_p when set) and fetch time, about 2 ms median (Kreps 2014); the correlation between a
 * batch's size and the queue it finds (a batch that filled early came after a short gap); the
 * burstiness of the service the other partitions leave (the reduced-rate μ' is a mean), which makes
 * the model high by up to 10 % at L ≈ 1 ms and up to 25 % when linger spans 50 service times, k > 1.
 * The order in which the consumer serves its partitions does not change the mean. When λ_b ≥ μ the
 * queue grows without bound: every figure is Infinity.
 */
export interface LatencyEstimate {
  /** False when the busiest consumer cannot keep up (lag grows without bound). */
  readonly bounded: boolean;
  /** Mean time an event waits from readable to the start of its processing, seconds: Wq. */
  readonly meanWaitSeconds: number;
  /** Mean time from the producer's send to processed, seconds: t_p + d + Wq + 1/μ. */
  readonly meanSeconds: number;
  readonly p50Seconds: number;
  readonly p99Seconds: number;
  /** The batch law behind the figures. */
  readonly batch: BatchLaw;
  /** E[J]: events ahead of an event in its own batch, on average. */
  readonly batchMatesAhead: number;
  /** Δ: how many fewer events a batch finds than the time average, from its partition's regularity. */
  readonly regularityCredit: number;
  /** Share of events that wait at all, for the wait's percentiles (waitQuantileSeconds). */
  readonly waitingShare: number;
}

/** How the producers' batching shapes what the busiest consumer receives. */
export interface BatchLaw {
  /** m = ⌊batch.size / s⌋ (at least 1): events a full batch holds. */
  readonly maxEvents: number;
  /** θ = λ_p·linger: events expected to join a batch during linger.ms after its first. */
  readonly eventsInLinger: number;
  /** E[X], E[X²]: mean and second moment of the events per batch. */
  readonly meanEvents: number;
  readonly secondMomentEvents: number;
  /** P(X = m): share of batches sent full, before linger.ms. */
  readonly fullShare: number;
  /** d: mean time an event waits in its producer batch before the batch is sent, seconds. */
  readonly meanLingerSeconds: number;
}

export function latencyEstimate(load: ConsumerLoad, config: PlanConfig): LatencyEstimate {
  const batch = batchLaw(config);
  const mu = load.serviceRatePerConsumer;
  const arrivals = load.busiestConsumerEventsPerSec;
  const rho = arrivals / mu;
  const ahead = batch.secondMomentEvents / batch.meanEvents - 1;
  const batchMatesAhead = ahead / 2;
  if (!(rho < 1)) {
    return { bounded: false, meanWaitSeconds: Infinity, meanSeconds: Infinity, p50Seconds: Infinity, p99Seconds: Infinity, batch, batchMatesAhead, regularityCredit: 0, waitingShare: 1 };
  }
  const k = load.partitionsOfBusiestConsumer;
  const credit = batch.meanEvents > 1 ? regularityCredit(config, batch, mu, rho, k) : 0;
  const meanWaitSeconds = Math.max(0, (rho / mu + ahead / (2 * mu) - credit / mu) / (1 - rho));
  const atConsumerSeconds = meanWaitSeconds + 1 / mu;
  // The produce latency floor t_p (send → acks=all ack, 0 unless calibrated) delays every event alike.
  const d = batch.meanLingerSeconds + config.produceLatencyFloorMs / 1000;
  return {
    bounded: true,
    meanWaitSeconds,
    meanSeconds: d + atConsumerSeconds,
    p50Seconds: d + EXP_P50_FACTOR * atConsumerSeconds,
    p99Seconds: d + EXP_P99_FACTOR * atConsumerSeconds,
    batch,
    batchMatesAhead,
    regularityCredit: credit,
    // The wait's tail falls as e^(−(μ − λ_b)·t) (the geometric ratio is ρ): share π with mean Wq.
    waitingShare: Math.min(1, meanWaitSeconds * (mu - arrivals)),
  };
}

/**
 * The q-quantile of the wait (readable → start of processing), seconds: P(W > t) = π·e^(−t·π/Wq),
 * π = min(1, Wq·(μ − λ_b)) — exactly M/M/1's for X = 1 (π = ρ, rate μ − λ_b); 0 when at least q of
 * the events do not wait.
 */
export function waitQuantileSeconds(estimate: LatencyEstimate, q: number): number {
  if (!estimate.bounded) return Infinity;
  const share = estimate.waitingShare;
  if (!(share > 1 - q) || !(estimate.meanWaitSeconds > 0)) return 0;
  return (estimate.meanWaitSeconds / share) * Math.log(share / (1 - q));
}

/** The batch law of the producers, as the simulation forms batches (src/sim/simulation.ts scheduleBatch). */
export function batchLaw(config: PlanConfig): BatchLaw {
  const maxEvents = Math.max(1, Math.floor(config.batchSizeBytes / config.eventSizeBytes));
  const lingerMs = Math.max(0, config.lingerMs);
  const ratePerMs = config.eventsPerSec / config.partitions / 1000;
  const theta = ratePerMs * lingerMs;
  if (maxEvents === 1 || !(lingerMs > 0)) {
    return { maxEvents, eventsInLinger: theta, meanEvents: 1, secondMomentEvents: 1, fullShare: maxEvents === 1 ? 1 : 0, meanLingerSeconds: 0 };
  }
  const c = maxEvents - 1;
  const t = truncatedPoisson(theta, c);
  const meanEvents = 1 + t.meanMin;
  const secondMomentEvents = 1 + 2 * t.meanMin + t.meanMinSquared;
  // Per batch: closed by linger (N ≤ m − 2) its events wait linger·(N + 2)/2 together; filled at
  // F ~ Gamma(m − 1, λ_p) ≤ linger they wait m·F/2, and E[F; F ≤ linger] = (m − 1)/λ_p·P(N ≥ m).
  const lingerWaitMs = (lingerMs / 2) * t.meanNPlus2BelowC + (maxEvents / 2) * (c / ratePerMs) * t.tailAboveC;
  return { maxEvents, eventsInLinger: theta, meanEvents, secondMomentEvents, fullShare: t.atLeastC, meanLingerSeconds: lingerWaitMs / meanEvents / 1000 };
}

// ---- the regularity credit Δ ---------------------------------------------------------------

/** Longest pmf array the exact sums use; beyond it a normal law stands in (batches of many events). */
const EXACT_MAX_TERMS = 100_000;

/**
 * Δ = r·(1 + E[J]) − (1 − r)·Q for the tagged partition of the busiest consumer (see above).
 * Rates per ms. D = G + Π: G ~ Geometric, the services in the exponential gap before the next
 * batch's first event; Π ~ Poisson(μ'·W), those in the next batch's filling time W (linger.ms, or
 * the time F ≤ linger.ms it took to fill).
 */
function regularityCredit(config: PlanConfig, batch: BatchLaw, muPerSec: number, rho: number, k: number): number {
  const lambdaP = config.eventsPerSec / config.partitions / 1000;
  const serviceMs = (muPerSec / 1000) * (1 - (rho * (k - 1)) / k); // μ'
  const r = lambdaP / serviceMs;
  if (!(r > 0) || !(r < 1)) return 0;
  const ahead = (batch.secondMomentEvents / batch.meanEvents - 1) / 2;
  const q = ownFound(config, batch, lambdaP, serviceMs, r);
  return Math.max(0, r * (1 + ahead) - (1 - r) * q);
}

/** Q = E[(X − D)⁺] / (1 − E[r^(D − X)⁺]). */
function ownFound(config: PlanConfig, batch: BatchLaw, lambdaP: number, mu: number, r: number): number {
  const m = batch.maxEvents;
  const lingerMs = config.lingerMs;
  const theta = batch.eventsInLinger;
  const c = m - 1;
  const logR = Math.log(r);
  const tail = Math.ceil(40 / -logR);
  const xMax = Math.min(m, Math.ceil(1 + theta + 12 * Math.sqrt(theta) + 20));
  const terms = xMax + tail + 1;
  if (terms > EXACT_MAX_TERMS) return ownFoundNormal(batch, lambdaP, mu, lingerMs, r);

  // X's pmf (index x = 1 … xMax; the full atom at m when m ≤ xMax).
  const px = new Float64Array(xMax + 1);
  const pn = poissonPmf(theta, Math.min(c, xMax)); // P(N = n), n < c
  for (let n = 0; n < pn.length && n < c; n += 1) if (n + 1 <= xMax) px[n + 1] = pn[n] as number;
  if (m <= xMax) px[m] = (px[m] as number) + batch.fullShare;

  // D's pmf over 0 … terms − 1.
  const w = new Float64Array(terms); // Π: lingered windows weigh 1 − fullShare, full ones the rest
  const lingered = poissonPmf(mu * lingerMs, terms);
  for (let i = 0; i < terms; i += 1) w[i] = (1 - batch.fullShare) * (lingered[i] as number);
  if (batch.fullShare > 1e-15) addFullWindows(w, c, lambdaP, mu, lingerMs);
  const geometric = mu / (mu + lambdaP);
  const pd = new Float64Array(terms);
  let acc = 0;
  for (let d = 0; d < terms; d += 1) {
    acc = acc * geometric + (w[d] as number);
    pd[d] = (1 - geometric) * acc;
  }

  // E[(X − D)⁺] and E[r^(D − X)⁺] = Σ_x P(X = x)·(P(D ≤ x) + Σ_{d > x} r^(d − x)·P(D = d)).
  let shortfall = 0;
  let discounted = 0;
  let cdf = 0; // P(D ≤ x − 1)
  let firstMoment = 0; // Σ_{d ≤ x − 1} d·P(D = d)
  const above = new Float64Array(xMax + 2); // Σ_{d > x} r^(d − x) P(D = d), backwards
  let s = 0;
  for (let d = terms - 1; d > xMax; d -= 1) s = r * ((pd[d] as number) + s);
  above[xMax] = s;
  for (let x = xMax - 1; x >= 0; x -= 1) above[x] = r * ((pd[x + 1] as number) + (above[x + 1] as number));
  for (let x = 0; x <= xMax; x += 1) {
    const p = px[x] as number;
    if (p > 0) {
      shortfall += p * (x * cdf - firstMoment);
      discounted += p * (cdf + (pd[x] as number) + (above[x] as number));
    }
    cdf += pd[x] as number;
    firstMoment += x * (pd[x] as number);
  }
  const denominator = 1 - discounted;
  return denominator > 1e-12 ? shortfall / denominator : 0;
}

/**
 * Adds P(Π = i, full) = C(c − 1 + i, i)·p^c·(1 − p)^i·P(Poisson((λ_p + μ)·linger) ≥ c + i),
 * p = λ_p/(λ_p + μ): the services completed in a filling time F ~ Gamma(c, λ_p), F ≤ linger.
 */
function addFullWindows(w: Float64Array, c: number, lambdaP: number, mu: number, lingerMs: number): void {
  const p = lambdaP / (lambdaP + mu);
  const b = (lambdaP + mu) * lingerMs;
  const logB = Math.log(b);
  const log1mp = Math.log(1 - p);
  let tailAtLeast = poissonTailAtLeast(b, c); // P(Poisson(b) ≥ c + i), i = 0
  let logPmf = -b + c * logB - logFactorial(c); // ln P(Poisson(b) = c + i)
  let logNb = c * Math.log(p); // ln [C(c − 1 + i, i) p^c (1 − p)^i], i = 0
  for (let i = 0; i < w.length && tailAtLeast > 0; i += 1) {
    w[i] = (w[i] as number) + Math.exp(logNb) * tailAtLeast;
    tailAtLeast = Math.max(0, tailAtLeast - Math.exp(logPmf));
    logPmf += logB - Math.log(c + i + 1);
    logNb += Math.log((c + i) / (i + 1)) + log1mp;
  }
}

/** Normal stand-in for Z = D − X when the exact sums would be long (many events a batch). */
function ownFoundNormal(batch: BatchLaw, lambdaP: number, mu: number, lingerMs: number, r: number): number {
  const c = batch.maxEvents - 1;
  const full = batch.fullShare;
  // W: linger.ms for lingered batches; F | F ≤ linger for full ones (≈ its unconditioned moments).
  const fullMean = c / lambdaP;
  const meanW = (1 - full) * lingerMs + full * Math.min(lingerMs, fullMean);
  const meanW2 = (1 - full) * lingerMs * lingerMs + full * Math.min(lingerMs * lingerMs, (c * (c + 1)) / (lambdaP * lambdaP));
  const g = mu / lambdaP; // E[G]; Var G = g(1 + g)
  const meanD = g + mu * meanW;
  const varD = g * (1 + g) + mu * meanW + mu * mu * Math.max(0, meanW2 - meanW * meanW);
  const meanX = batch.meanEvents;
  const varX = Math.max(0, batch.secondMomentEvents - meanX * meanX);
  const m = meanD - meanX;
  const sd = Math.sqrt(varD + varX);
  if (!(sd > 0)) return 0;
  const a = -Math.log(r);
  const z = m / sd;
  const shortfall = sd * normalPdf(z) - m * normalCdf(-z); // E[(−Z)⁺]
  const discounted = normalCdf(-z) + Math.exp(-a * m + 0.5 * a * a * sd * sd + logNormalCdf(z - a * sd)); // E[r^Z⁺]
  const denominator = 1 - discounted;
  return denominator > 1e-12 ? Math.max(0, shortfall) / denominator : 0;
}

// ---- Poisson helpers ----------------------------------------------------------------------

interface TruncatedPoisson {
  /** E[min(N, c)] and E[min(N, c)²]. */
  readonly meanMin: number;
  readonly meanMinSquared: number;
  /** E[(N + 2); N ≤ c − 1]. */
  readonly meanNPlus2BelowC: number;
  /** P(N ≥ c) and P(N ≥ c + 1). */
  readonly atLeastC: number;
  readonly tailAboveC: number;
}

/** Moments of N ~ Poisson(θ) cut at c: exact sums over the Poisson's mass up to θ = 10⁴, a normal law beyond. */
function truncatedPoisson(theta: number, c: number): TruncatedPoisson {
  if (!(theta > 0)) return { meanMin: 0, meanMinSquared: 0, meanNPlus2BelowC: 2, atLeastC: c <= 0 ? 1 : 0, tailAboveC: 0 };
  const sd = Math.sqrt(theta);
  const spread = 12 * sd + 20;
  if (c > theta + spread) return { meanMin: theta, meanMinSquared: theta + theta * theta, meanNPlus2BelowC: theta + 2, atLeastC: 0, tailAboveC: 0 };
  if (c < theta - spread) return { meanMin: c, meanMinSquared: c * c, meanNPlus2BelowC: 0, atLeastC: 1, tailAboveC: 1 };
  if (theta > 1e4) {
    // Normal approximation with continuity correction: N ≤ c − 1 ⇔ Z < c − ½.
    const a = c - 0.5;
    const z = (a - theta) / sd;
    const below = normalCdf(z);
    const density = normalPdf(z);
    const meanBelow = theta * below - sd * density; // E[Z; Z < a]
    const squareBelow = (theta * theta + theta) * below - sd * density * (theta + a); // E[Z²; Z < a]
    return {
      meanMin: meanBelow + c * (1 - below),
      meanMinSquared: squareBelow + c * c * (1 - below),
      meanNPlus2BelowC: meanBelow + 2 * below,
      atLeastC: 1 - below,
      tailAboveC: 1 - normalCdf((c + 0.5 - theta) / sd),
    };
  }
  // Exact: Σ over n < c of the Poisson mass (below max(0, θ − spread) it is negligible).
  const from = Math.max(0, Math.floor(theta - spread));
  let pmf = poissonPmfAt(theta, from);
  let massBelow = 0;
  let meanBelow = 0;
  let squareBelow = 0;
  for (let n = from; n < c; n += 1) {
    massBelow += pmf;
    meanBelow += n * pmf;
    squareBelow += n * n * pmf;
    pmf *= theta / (n + 1);
  }
  // pmf is now P(N = c).
  const atLeastC = Math.max(0, 1 - massBelow);
  return {
    meanMin: meanBelow + c * atLeastC,
    meanMinSquared: squareBelow + c * c * atLeastC,
    meanNPlus2BelowC: meanBelow + 2 * massBelow,
    atLeastC,
    tailAboveC: Math.max(0, atLeastC - pmf),
  };
}

/** P(Poisson(mean) = n), n = 0 … length − 1, from the mode outwards (no underflow near the mode). */
function poissonPmf(mean: number, length: number): Float64Array {
  const out = new Float64Array(Math.max(0, length));
  if (length <= 0) return out;
  if (!(mean > 0)) {
    out[0] = 1;
    return out;
  }
  const mode = Math.min(length - 1, Math.floor(mean));
  out[mode] = poissonPmfAt(mean, mode);
  for (let n = mode; n + 1 < length; n += 1) out[n + 1] = ((out[n] as number) * mean) / (n + 1);
  for (let n = mode; n > 0; n -= 1) out[n - 1] = ((out[n] as number) * n) / mean;
  return out;
}

function poissonPmfAt(mean: number, n: number): number {
  if (!(mean > 0)) return n === 0 ? 1 : 0;
  return Math.exp(-mean + n * Math.log(mean) - logFactorial(n));
}

/** P(Poisson(mean) ≥ n). */
function poissonTailAtLeast(mean: number, n: number): number {
  if (n <= 0) return 1;
  const sd = Math.sqrt(mean);
  if (n > mean + 12 * sd + 20) return 0;
  if (n < mean - 12 * sd - 20) return 1;
  if (n >= mean) {
    let pmf = poissonPmfAt(mean, n);
    let sum = 0;
    for (let j = n; pmf > 1e-18 * Math.max(sum, 1e-300) || j < mean + 1; j += 1) {
      sum += pmf;
      pmf *= mean / (j + 1);
      if (j > mean + 12 * sd + 40) break;
    }
    return Math.min(1, sum);
  }
  let pmf = poissonPmfAt(mean, n - 1);
  let below = 0;
  for (let j = n - 1; j >= 0; j -= 1) {
    below += pmf;
    pmf *= j / mean;
    if (pmf < 1e-18 * below) break;
  }
  return Math.max(0, 1 - below);
}

function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n < 30) {
    let sum = 0;
    for (let k = 2; k <= n; k += 1) sum += Math.log(k);
    return sum;
  }
  const x = n + 1; // Stirling's series for ln Γ(x)
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** ln Φ(z), accurate far in the lower tail too (Mills ratio). */
function logNormalCdf(z: number): number {
  if (z > -8) return Math.log(Math.max(1e-300, normalCdf(z)));
  return -0.5 * z * z - Math.log(-z) - 0.5 * Math.log(2 * Math.PI) + Math.log(1 - 1 / (z * z));
}

/** Φ(z) from erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

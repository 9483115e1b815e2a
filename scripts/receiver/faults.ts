// Fault injection for the reference receiver: a small spec grammar, a seeded random source, and the plan for
// one request. Grammar (comma-separated items, each `name[=value][:param=value…][@rate]`, rate 0–1 or a
// percentage, default 1):
//   latency=200ms@0.5           wait 200 ms before handling (independent of the others; durations: ms, s)
//   status=503:retry-after=5@0.1 answer that status (and Retry-After) without processing anything
//   5xx@0.1 | 5xx=502@0.1        answer 500 (or the given 5xx) without processing anything
//   timeout@0.05 | timeout=30s   process the request, then never answer (hold the connection that long,
//                                default 130 s: longer than Relay's 110 s maximum callout timeout)
//   malformed@0.05               process the request, then answer 200 with a body that is not JSON
//   partial@0.2                  each record, with that probability, is answered `retry` and not stored
// status, 5xx, timeout and malformed exclude one another (one draw per request; their rates add up to ≤ 1).

export type Random = () => number;

export interface LatencyFault {
    delayMs: number;
    rate: number;
}

export type OutcomeFault =
    | { kind: 'status'; status: number; retryAfter?: string; rate: number }
    | { kind: 'timeout'; holdMs: number; rate: number }
    | { kind: 'malformed'; rate: number };

export interface FaultSpec {
    latency: LatencyFault[];
    outcomes: OutcomeFault[];
    partialRate: number;
}

/** What the receiver does to one request. */
export interface FaultPlan {
    delayMs: number;
    outcome?: OutcomeFault;
    /** Chance for each record to be answered `retry` instead of being processed. */
    partialRate: number;
}

export class FaultSpecError extends Error {}

export const NO_FAULTS: FaultSpec = { latency: [], outcomes: [], partialRate: 0 };
const DEFAULT_TIMEOUT_HOLD_MS = 130_000;

/** mulberry32: a small, fast, seeded generator; the same seed gives the same faults in the same order. */
export function seededRandom(seed: number): Random {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function parseRate(text: string, item: string): number {
    const percent = text.endsWith('%');
    const value = Number(percent ? text.slice(0, -1) : text);
    const rate = percent ? value / 100 : value;
    if (text === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
        throw new FaultSpecError(`Fault "${item}": the rate must be between 0 and 1 (or 0% and 100%).`);
    }
    return rate;
}

/** Parses `200ms`, `2s`, `1.5s` or a bare number of milliseconds. */
export function parseDuration(text: string, item: string): number {
    const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
    if (!match) {
        throw new FaultSpecError(`Fault "${item}": "${text}" is not a duration (for example 200ms or 2s).`);
    }
    const value = Number(match[1]);
    return Math.round(match[2] === 's' ? value * 1000 : value);
}

function parseStatus(text: string, item: string, low: number): number {
    const status = Number(text);
    if (!Number.isInteger(status) || status < low || status > 599) {
        throw new FaultSpecError(`Fault "${item}": "${text}" is not a status code from ${low} to 599.`);
    }
    return status;
}

/** Parses a fault spec; throws FaultSpecError with one sentence for the first problem. */
export function parseFaultSpec(spec: string | undefined): FaultSpec {
    const result: FaultSpec = { latency: [], outcomes: [], partialRate: 0 };
    for (const raw of (spec ?? '').split(',')) {
        const item = raw.trim();
        if (item === '') {
            continue;
        }
        const at = item.lastIndexOf('@');
        const rate = at >= 0 ? parseRate(item.slice(at + 1).trim(), item) : 1;
        const [head, ...paramTexts] = (at >= 0 ? item.slice(0, at) : item).split(':');
        const [name, value] = head.split('=', 2).map((part) => part.trim());
        const params = new Map<string, string>();
        for (const paramText of paramTexts) {
            const [key, paramValue] = paramText.split('=', 2).map((part) => part.trim());
            if (!key || paramValue === undefined) {
                throw new FaultSpecError(`Fault "${item}": parameters are written name=value.`);
            }
            params.set(key.toLowerCase(), paramValue);
        }
        const unknownParam = [...params.keys()].find((key) => key !== 'retry-after');
        if (unknownParam !== undefined || (params.size > 0 && name !== 'status' && name !== '5xx')) {
            throw new FaultSpecError(`Fault "${item}": only status and 5xx take a parameter (retry-after).`);
        }
        const retryAfter = params.get('retry-after');
        switch (name) {
            case 'latency':
                if (value === undefined) {
                    throw new FaultSpecError(`Fault "${item}": latency needs a duration, for example latency=200ms.`);
                }
                result.latency.push({ delayMs: parseDuration(value, item), rate });
                break;
            case 'status':
                if (value === undefined) {
                    throw new FaultSpecError(`Fault "${item}": status needs a code, for example status=503.`);
                }
                result.outcomes.push({ kind: 'status', status: parseStatus(value, item, 100), retryAfter, rate });
                break;
            case '5xx':
                result.outcomes.push({
                    kind: 'status',
                    status: value === undefined ? 500 : parseStatus(value, item, 500),
                    retryAfter,
                    rate
                });
                break;
            case 'timeout':
                result.outcomes.push({
                    kind: 'timeout',
                    holdMs: value === undefined ? DEFAULT_TIMEOUT_HOLD_MS : parseDuration(value, item),
                    rate
                });
                break;
            case 'malformed':
                result.outcomes.push({ kind: 'malformed', rate });
                break;
            case 'partial':
                result.partialRate = rate;
                break;
            default:
                throw new FaultSpecError(
                    `Unknown fault "${name}": use latency, status, 5xx, timeout, malformed or partial.`
                );
        }
    }
    const total = result.outcomes.reduce((sum, outcome) => sum + outcome.rate, 0);
    if (total > 1 + 1e-9) {
        throw new FaultSpecError('The rates of status, 5xx, timeout and malformed add up to more than 1.');
    }
    return result;
}

/** Draws what happens to one request. */
export function planFaults(spec: FaultSpec, random: Random): FaultPlan {
    let delayMs = 0;
    for (const latency of spec.latency) {
        if (random() < latency.rate) {
            delayMs += latency.delayMs;
        }
    }
    let outcome: OutcomeFault | undefined;
    if (spec.outcomes.length > 0) {
        const draw = random();
        let cumulative = 0;
        for (const candidate of spec.outcomes) {
            cumulative += candidate.rate;
            if (draw < cumulative) {
                outcome = candidate;
                break;
            }
        }
    }
    return { delayMs, outcome, partialRate: spec.partialRate };
}

import { describe, expect, it } from '@jest/globals';
import { FaultSpecError, parseDuration, parseFaultSpec, planFaults, seededRandom } from './faults.ts';

describe('parseFaultSpec', () => {
    it('reads every fault of the grammar with its rate', () => {
        const spec = parseFaultSpec(
            'latency=200ms@0.5, status=503:retry-after=5@0.1,timeout@0.05,malformed@5%,partial@0.2,5xx@0.1,5xx=502@0.1'
        );

        expect(spec.latency).toEqual([{ delayMs: 200, rate: 0.5 }]);
        expect(spec.outcomes).toEqual([
            { kind: 'status', status: 503, retryAfter: '5', rate: 0.1 },
            { kind: 'timeout', holdMs: 130_000, rate: 0.05 },
            { kind: 'malformed', rate: 0.05 },
            { kind: 'status', status: 500, retryAfter: undefined, rate: 0.1 },
            { kind: 'status', status: 502, retryAfter: undefined, rate: 0.1 }
        ]);
        expect(spec.partialRate).toBe(0.2);
    });

    it('takes a rate of 1 when none is given, and an empty spec as no faults', () => {
        expect(parseFaultSpec('timeout=2s').outcomes).toEqual([{ kind: 'timeout', holdMs: 2000, rate: 1 }]);
        expect(parseFaultSpec('')).toEqual({ latency: [], outcomes: [], partialRate: 0 });
        expect(parseFaultSpec(undefined)).toEqual({ latency: [], outcomes: [], partialRate: 0 });
    });

    it.each([
        ['explode@0.1', /Unknown fault "explode"/],
        ['latency@0.5', /latency needs a duration/],
        ['latency=fast', /not a duration/],
        ['status@0.5', /status needs a code/],
        ['status=99', /not a status code/],
        ['5xx=404', /not a status code from 500/],
        ['timeout@1.5', /rate must be between 0 and 1/],
        ['timeout@', /rate must be between 0 and 1/],
        ['malformed:retry-after=5', /only status and 5xx take a parameter/],
        ['status=503:wait=5', /only status and 5xx take a parameter/],
        ['status=503:retry-after', /parameters are written name=value/],
        ['status=503@0.6,timeout@0.6', /add up to more than 1/]
    ])('refuses %s with one sentence', (spec, message) => {
        expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
        expect(() => parseFaultSpec(spec)).toThrow(message);
    });

    it('reads durations in ms, s and bare milliseconds', () => {
        expect(parseDuration('1.5s', 'x')).toBe(1500);
        expect(parseDuration('250', 'x')).toBe(250);
    });
});

describe('planFaults', () => {
    it('gives the same plans for the same seed', () => {
        const spec = parseFaultSpec('latency=10ms@0.5,status=503@0.3,malformed@0.3,partial@0.2');
        const plans = (seed: number) => {
            const random = seededRandom(seed);
            return Array.from({ length: 50 }, () => planFaults(spec, random));
        };

        expect(plans(7)).toEqual(plans(7));
        expect(plans(7)).not.toEqual(plans(8));
    });

    it('injects each fault at about its rate', () => {
        const spec = parseFaultSpec('latency=10ms@0.5,status=503@0.1,timeout@0.2');
        const random = seededRandom(42);
        const plans = Array.from({ length: 10_000 }, () => planFaults(spec, random));
        const share = (test: (plan: (typeof plans)[number]) => boolean) => plans.filter(test).length / plans.length;

        expect(share((plan) => plan.delayMs === 10)).toBeCloseTo(0.5, 1);
        expect(share((plan) => plan.outcome?.kind === 'status')).toBeCloseTo(0.1, 1);
        expect(share((plan) => plan.outcome?.kind === 'timeout')).toBeCloseTo(0.2, 1);
        expect(share((plan) => plan.outcome === undefined)).toBeCloseTo(0.7, 1);
    });
});

import { describe, expect, it } from '@jest/globals';
import {
    bulkFilterJsonOf,
    bulkWindowOf,
    defaultFilter,
    describeFilter,
    filterFromState,
    filterJsonOf,
    isNarrow,
    normalizeIso,
    sameFilter,
    stateFromFilter,
    windowOf
} from '../relayLogFilter';
import type { LogFilter } from '../relayLogFilter';

const NOW = Date.parse('2026-11-20T12:41:27.318Z');
const LOS_ANGELES = { locale: 'en-US', timeZone: 'America/Los_Angeles' };
const deadLetters: LogFilter = { integration: 'ERP_Customer', statuses: ['Dead Letter'], range: '24h' };

describe('relayLogFilter', () => {
    describe('the table window', () => {
        it('ends a relative range now, to the millisecond', () => {
            expect(windowOf(deadLetters, NOW)).toEqual({
                from: '2026-11-19T12:41:27.318Z',
                to: '2026-11-20T12:41:27.318Z'
            });
            expect(filterJsonOf({ ...deadLetters, range: '1h' }, NOW)).toEqual({
                integration: 'ERP_Customer',
                statuses: ['Dead Letter'],
                from: '2026-11-20T11:41:27.318Z',
                to: '2026-11-20T12:41:27.318Z'
            });
        });
    });

    describe('the bulk window', () => {
        it('starts a relative range at the start of its hour and leaves it open-ended', () => {
            expect(bulkWindowOf(deadLetters, NOW)).toEqual({ from: '2026-11-19T12:00:00.000Z' });
            expect(bulkWindowOf({ ...deadLetters, range: '7d' }, NOW)).toEqual({ from: '2026-11-13T12:00:00.000Z' });
            expect(bulkFilterJsonOf({ ...deadLetters, range: '1h', recordId: '001Hs00000Q7mA10AA' }, NOW)).toEqual({
                integration: 'ERP_Customer',
                statuses: ['Dead Letter'],
                from: '2026-11-20T11:00:00.000Z',
                recordId: '001Hs00000Q7mA10AA'
            });
        });

        it('sends the same filter JSON for requests within the same hour, so Apex finds the running twin', () => {
            const first = JSON.stringify(bulkFilterJsonOf(deadLetters, Date.parse('2026-11-20T12:00:00.000Z')));
            const again = JSON.stringify(bulkFilterJsonOf(deadLetters, Date.parse('2026-11-20T12:59:59.999Z')));
            const nextHour = JSON.stringify(bulkFilterJsonOf(deadLetters, Date.parse('2026-11-20T13:00:00.000Z')));

            expect(again).toBe(first);
            expect(nextHour).not.toBe(first);
        });

        it('keeps a custom range as chosen', () => {
            const custom: LogFilter = {
                statuses: ['Queued'],
                errorCategory: 'Timeout',
                range: 'custom',
                from: '2026-11-20T06:17:00.000Z',
                to: '2026-11-20T09:43:00.000Z'
            };
            expect(bulkFilterJsonOf(custom, NOW)).toEqual({
                statuses: ['Queued'],
                errorCategory: 'Timeout',
                from: '2026-11-20T06:17:00.000Z',
                to: '2026-11-20T09:43:00.000Z'
            });
        });
    });

    describe('the confirmation words', () => {
        it('names the bulk window in the user time zone, not UTC', () => {
            expect(describeFilter(deadLetters, NOW, LOS_ANGELES)).toBe(
                'integration ERP_Customer, status Dead Letter, created since Nov 19, 2026, 4:00 AM PST'
            );
            expect(
                describeFilter({ ...deadLetters, range: '7d' }, NOW, { locale: 'en-GB', timeZone: 'Europe/Berlin' })
            ).toBe('integration ERP_Customer, status Dead Letter, created since 13 Nov 2026, 13:00 CET');
        });

        it('describes every part of a custom filter', () => {
            const base: LogFilter = {
                statuses: ['Queued', 'Retry Scheduled'],
                errorCategory: 'Timeout',
                recordId: '001Hs00000Q7mA10AA',
                range: 'custom',
                from: '2026-11-20T06:00:00.000Z',
                to: '2026-11-20T09:30:00.000Z'
            };
            expect(describeFilter(base, NOW, LOS_ANGELES)).toBe(
                'every integration, status Queued or Retry Scheduled, error category Timeout, record 001Hs00000Q7mA10AA, created between Nov 19, 2026, 10:00 PM PST and Nov 20, 2026, 1:30 AM PST'
            );
            expect(describeFilter({ ...base, to: undefined }, NOW, LOS_ANGELES)).toContain(
                'created since Nov 19, 2026, 10:00 PM PST'
            );
            expect(describeFilter({ ...base, from: undefined }, NOW, LOS_ANGELES)).toContain(
                'created before Nov 20, 2026, 1:30 AM PST'
            );
            expect(describeFilter({ ...base, from: undefined, to: undefined }, NOW, LOS_ANGELES)).not.toContain(
                'created'
            );
        });

        it('falls back to UTC, said so, for a time zone the browser does not know', () => {
            expect(describeFilter(deadLetters, NOW, { locale: 'en-US', timeZone: 'Mars/Olympus_Mons' })).toContain(
                'created since Nov 19, 2026, 12:00 PM UTC'
            );
        });
    });

    describe('URL state', () => {
        it('reads, writes and compares the filter', () => {
            const filter = filterFromState({
                c__integration: ' ERP_Customer ',
                c__status: 'Dead Letter,Nope,Queued',
                c__errorCategory: 'Unknown',
                c__range: 'custom',
                c__from: '2026-11-20T06:00:00Z',
                c__to: 'not a time',
                c__recordId: 'short',
                c__other: 'kept'
            });
            expect(filter).toEqual({
                integration: 'ERP_Customer',
                statuses: ['Queued', 'Dead Letter'],
                errorCategory: undefined,
                range: 'custom',
                recordId: undefined,
                from: '2026-11-20T06:00:00.000Z',
                to: undefined
            });
            expect(stateFromFilter(filter, { c__other: 'kept', c__status: 'old' })).toEqual({
                c__other: 'kept',
                c__integration: 'ERP_Customer',
                c__status: 'Queued,Dead Letter',
                c__range: 'custom',
                c__from: '2026-11-20T06:00:00.000Z'
            });
            expect(sameFilter(filterFromState(undefined), defaultFilter())).toBe(true);
            expect(filterFromState({ c__range: 'forever' }).range).toBe('24h');
            expect(normalizeIso('  ')).toBeUndefined();
            expect(isNarrow(defaultFilter())).toBe(false);
            expect(isNarrow({ ...defaultFilter(), recordId: '001Hs00000Q7mA10AA' })).toBe(true);
        });
    });
});

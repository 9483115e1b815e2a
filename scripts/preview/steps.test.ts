import { describe, expect, it } from '@jest/globals';
import {
    describeStep,
    isFailedStatus,
    missingToasts,
    namePattern,
    normalizeText,
    presentTexts,
    screenshotName,
    summaryLine
} from './steps.ts';

describe('describeStep', () => {
    it('says each step in words', () => {
        expect(describeStep({ click: { role: 'button', name: 'Sync now' } })).toBe('click button "Sync now"');
        expect(describeStep({ fill: { label: 'Record Id', value: '001' } })).toBe('fill "Record Id" with "001"');
        expect(describeStep({ select: { label: 'Status', option: 'Dead Letter' } })).toBe(
            'select "Dead Letter" in "Status"'
        );
        expect(describeStep({ expectText: 'Delivered' })).toBe('see "Delivered"');
        expect(describeStep({ waitMs: 300 })).toBe('wait 300 ms');
        expect(describeStep({ screenshot: 'open' })).toBe('screenshot "open"');
    });
});

describe('text checks', () => {
    it('normalizes whitespace and finds texts that should be absent', () => {
        expect(normalizeText('  1 attempt\n ·  last ')).toBe('1 attempt · last');
        expect(presentTexts('Dead  Letter\nReplay', ['Dead Letter', 'Sync now'])).toEqual(['Dead Letter']);
    });

    it('finds expected toasts by title or message', () => {
        const shown = [{ title: 'Sync queued', message: 'ERP_Customer  will send', variant: 'success' }];

        expect(missingToasts(shown, ['Sync queued', 'ERP_Customer will send', 'Failed'])).toEqual(['Failed']);
    });

    it('matches accessible names with free spacing before punctuation, whole or in part', () => {
        const whole = namePattern('Replay all 812 Timeout dead letters…', true);

        expect(whole.test('Replay all 812 Timeout dead letters …')).toBe(true);
        expect(whole.test('replay all 812 timeout dead letters…')).toBe(true);
        expect(whole.test('Replay all 812 Timeout dead letters… now')).toBe(false);
        expect(namePattern('Sync now', false).test('Sync now ERP_Customer')).toBe(true);
        expect(namePattern('a.b (c)', true).test('a . b ( c )')).toBe(false);
        expect(namePattern('a.b (c)', true).test('a .b (c )')).toBe(true);
    });
});

describe('outcomes', () => {
    it('names screenshots and flags failed responses', () => {
        expect(screenshotName({ id: 'x-y' })).toBe('x-y.png');
        expect(screenshotName({ id: 'x-y' }, 'After Sync')).toBe('x-y--after-sync.png');
        expect(isFailedStatus(404)).toBe(true);
        expect(isFailedStatus(304)).toBe(false);
    });

    it('writes one summary line per scenario, with the problems of a failed one', () => {
        expect(summaryLine({ id: 'a', passed: true, seconds: 1.23, problems: [], screenshots: [] })).toBe(
            'PASS  a (1.2 s)'
        );
        expect(summaryLine({ id: 'b', passed: false, seconds: 2, problems: ['page error: x'], screenshots: [] })).toBe(
            'FAIL  b (2.0 s)\n      - page error: x'
        );
    });
});

// Pure helpers of the browser test: what a step does in words, how text checks read, the fixed clock.
import type { PreviewScenario, PreviewStep } from 'relay/preview';

/** The clock every scenario runs at (components compute "in 4 min" from Date.now()). */
export const FIXED_NOW = '2026-11-20T12:00:00.000Z';

/** Time allowed for an expected text, toast or step target to appear. */
export const WAIT_MS = 5000;

export function describeStep(step: PreviewStep): string {
    if ('click' in step) {
        return `click ${step.click.role} "${step.click.name}"`;
    }
    if ('fill' in step) {
        return `fill "${step.fill.label}" with "${step.fill.value}"`;
    }
    if ('select' in step) {
        return `select "${step.select.option}" in "${step.select.label}"`;
    }
    if ('expectText' in step) {
        return `see "${step.expectText}"`;
    }
    if ('waitMs' in step) {
        return `wait ${step.waitMs} ms`;
    }
    return `screenshot "${step.screenshot}"`;
}

/** Collapses runs of whitespace, as a person reads rendered text. */
export function normalizeText(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** The `absent` texts that the page's visible text contains. */
export function presentTexts(pageText: string, absent: readonly string[]): string[] {
    const normalized = normalizeText(pageText);
    return absent.filter((text) => normalized.includes(normalizeText(text)));
}

export interface ShownToast {
    title: string;
    message: string;
    variant: string;
}

/** The expected toasts no shown toast's title or message contains. */
export function missingToasts(shown: readonly ShownToast[], expected: readonly string[]): string[] {
    return expected.filter(
        (text) => !shown.some((toast) => normalizeText(`${toast.title} ${toast.message}`).includes(normalizeText(text)))
    );
}

/** A screenshot's file name: `<id>.png`, or `<id>--<name>.png` for one taken during the steps. */
export function screenshotName(scenario: Pick<PreviewScenario, 'id'>, step?: string): string {
    const safe = step === undefined ? '' : `--${step.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}`;
    return `${scenario.id}${safe}.png`;
}

/** Request failures that break a scenario: 4xx/5xx responses and requests that never answered. */
export function isFailedStatus(status: number): boolean {
    return status >= 400;
}

export interface ScenarioOutcome {
    id: string;
    passed: boolean;
    seconds: number;
    problems: string[];
    screenshots: string[];
}

/** The summary line of one scenario. */
export function summaryLine(outcome: ScenarioOutcome): string {
    const status = outcome.passed ? 'PASS' : 'FAIL';
    const head = `${status}  ${outcome.id} (${outcome.seconds.toFixed(1)} s)`;
    return outcome.passed ? head : `${head}\n${outcome.problems.map((problem) => `      - ${problem}`).join('\n')}`;
}

/**
 * A pattern for an accessible name as a person writes it: spacing is free around punctuation (the browser joins
 * "Replay all" and an assistive-text span as "Replay all 812 Timeout dead letters …"); case-insensitive.
 */
export function namePattern(name: string, whole: boolean): RegExp {
    const body = normalizeText(name)
        .split('')
        .map((char) => {
            if (char === ' ') {
                return '\\s+';
            }
            const escaped = char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            return /[\p{P}]/u.test(char) ? `\\s*${escaped}` : escaped;
        })
        .join('');
    return new RegExp(whole ? `^\\s*${body}\\s*$` : body, 'iu');
}

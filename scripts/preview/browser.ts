// The browser test's glue: renders each scenario in Chromium (playwright-core), runs its steps, checks what a
// person would check, fails on page errors, console errors and failed requests, and writes screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewScenario, PreviewStep } from 'relay/preview';
import { viewportFor } from './scenarios.ts';
import type { ComponentInfo, LoadedScenario } from './scenarios.ts';
import {
    FIXED_NOW,
    WAIT_MS,
    describeStep,
    isFailedStatus,
    missingToasts,
    namePattern,
    normalizeText,
    presentTexts,
    screenshotName
} from './steps.ts';
import type { ScenarioOutcome, ShownToast } from './steps.ts';

export interface BrowserRunOptions {
    baseUrl: string;
    scenarios: readonly LoadedScenario[];
    components: readonly ComponentInfo[];
    executablePath: string;
    screenshotDir: string;
    /** Scenarios rendered at the same time. */
    concurrency?: number;
    onOutcome?: (outcome: ScenarioOutcome) => void;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/** A control by role and accessible name: the exact name when there is one, else the first whose name contains it. */
async function control(page: Page, role: Parameters<Page['getByRole']>[0], name: string): Promise<Locator> {
    const loose = page.getByRole(role, { name: namePattern(name, false) }).first();
    await loose.waitFor({ timeout: WAIT_MS });
    const exact = page.getByRole(role, { name: namePattern(name, true) });
    return (await exact.count()) > 0 ? exact.first() : loose;
}

/**
 * Whether a person sees the text: a visible element's text contains it, or the page's text without SLDS
 * assistive text (screen-reader only, "Replay all<span class=slds-assistive-text> 812 Timeout…</span>") does.
 */
async function seesText(page: Page, text: string): Promise<boolean> {
    if (await page.getByText(text).first().isVisible()) {
        return true;
    }
    const shown = await page.evaluate(() => {
        const copy = document.body.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.slds-assistive-text, [hidden], script, style').forEach((node) => node.remove());
        return copy.textContent ?? '';
    });
    return normalizeText(shown).includes(normalizeText(text));
}

async function waitForText(page: Page, text: string): Promise<void> {
    const deadline = performance.now() + WAIT_MS;
    while (!(await seesText(page, text))) {
        if (performance.now() > deadline) {
            throw new Error(`"${text}" not visible after ${WAIT_MS} ms`);
        }
        await page.waitForTimeout(100);
    }
}

async function runStep(page: Page, step: PreviewStep, screenshot: (name: string) => Promise<void>): Promise<void> {
    if ('click' in step) {
        await (await control(page, step.click.role, step.click.name)).click({ timeout: WAIT_MS });
    } else if ('fill' in step) {
        await page.getByLabel(step.fill.label, { exact: true }).first().fill(step.fill.value, { timeout: WAIT_MS });
    } else if ('select' in step) {
        const field = page.getByLabel(step.select.label, { exact: true }).first();
        await field.waitFor({ timeout: WAIT_MS });
        if ((await field.evaluate((element) => element.tagName)) === 'SELECT') {
            await field.selectOption({ label: step.select.option }, { timeout: WAIT_MS });
        } else {
            await field.click({ timeout: WAIT_MS });
            await page
                .getByRole('option', { name: step.select.option, exact: true })
                .first()
                .click({ timeout: WAIT_MS });
        }
    } else if ('expectText' in step) {
        await waitForText(page, step.expectText);
    } else if ('waitMs' in step) {
        await page.waitForTimeout(step.waitMs);
    } else {
        await screenshot(step.screenshot);
    }
}

async function shownToasts(page: Page): Promise<ShownToast[]> {
    return page.evaluate(() => window.__relayPreview?.toasts ?? []);
}

/** Renders one scenario in its own browser context; never throws: problems are the outcome. */
export async function runScenario(
    browser: Browser,
    options: BrowserRunOptions,
    scenario: PreviewScenario
): Promise<ScenarioOutcome> {
    const started = performance.now();
    const problems: string[] = [];
    const screenshots: string[] = [];
    const context = await browser.newContext({
        viewport: viewportFor(scenario, options.components),
        // The browser's zone is the user's Salesforce time zone of the preview (@salesforce/i18n/timeZone, from the
        // base components package): lightning-formatted-date-time formats in the browser's zone here, where an org
        // formats in the user's, so any other zone would show two clocks on one page.
        timezoneId: 'America/Los_Angeles',
        locale: 'en-US',
        deviceScaleFactor: 1
    });
    const page = await context.newPage();
    let failFast: (error: Error) => void = () => undefined;
    const pageFailed = new Promise<never>((_resolve, reject) => {
        failFast = reject;
    });
    pageFailed.catch(() => undefined);
    page.on('pageerror', (error) => {
        problems.push(`page error: ${errorText(error)}`);
        failFast(new Error('the page failed before the component rendered'));
    });
    page.on('console', (message) => {
        if (message.type() === 'error') {
            problems.push(`console error: ${message.text().split('\n')[0]}`);
        }
    });
    page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'no answer'})`)
    );
    page.on('response', (response) => {
        if (isFailedStatus(response.status())) {
            problems.push(`request answered ${response.status()}: ${response.url()}`);
        }
    });
    const screenshot = async (name?: string): Promise<void> => {
        const file = path.join(options.screenshotDir, screenshotName(scenario, name));
        await page.screenshot({ path: file, fullPage: true });
        screenshots.push(file);
    };
    try {
        await page.clock.setFixedTime(new Date(FIXED_NOW));
        await page.goto(`${options.baseUrl}/scenario/${encodeURIComponent(scenario.id)}`);
        await Promise.race([
            page.waitForFunction(() => window.__relayPreview?.rendered === true, undefined, { timeout: WAIT_MS }),
            pageFailed
        ]);
        for (const step of scenario.steps ?? []) {
            try {
                await runStep(page, step, screenshot);
            } catch (error) {
                problems.push(`step "${describeStep(step)}" failed: ${errorText(error)}`);
                break;
            }
        }
        for (const text of scenario.expect.text) {
            try {
                await waitForText(page, text);
            } catch {
                problems.push(`expected text not visible: "${text}"`);
            }
        }
        const expectedToasts = scenario.expect.toasts ?? [];
        if (expectedToasts.length > 0) {
            await page
                .waitForFunction(
                    (texts) => {
                        const shown = window.__relayPreview?.toasts ?? [];
                        const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();
                        return texts.every((text) =>
                            shown.some((toast) =>
                                normalize(`${toast.title} ${toast.message}`).includes(normalize(text))
                            )
                        );
                    },
                    expectedToasts,
                    { timeout: WAIT_MS }
                )
                .catch(() => undefined);
            for (const text of missingToasts(await shownToasts(page), expectedToasts)) {
                problems.push(`expected toast not shown: "${text}"`);
            }
        }
        const visibleText = await page.locator('body').innerText();
        for (const text of presentTexts(visibleText, scenario.expect.absent ?? [])) {
            problems.push(`text should be absent but is shown: "${text}"`);
        }
        await screenshot();
    } catch (error) {
        problems.push(errorText(error));
        await screenshot().catch(() => undefined);
    } finally {
        await context.close();
    }
    return {
        id: scenario.id,
        passed: problems.length === 0,
        seconds: (performance.now() - started) / 1000,
        problems,
        screenshots
    };
}

/** Launches Chromium and renders every scenario; outcomes in the scenarios' order. */
export async function runScenariosInBrowser(options: BrowserRunOptions): Promise<ScenarioOutcome[]> {
    mkdirSync(options.screenshotDir, { recursive: true });
    const browser = await chromium.launch({ executablePath: options.executablePath, headless: true });
    try {
        const outcomes: ScenarioOutcome[] = new Array<ScenarioOutcome>(options.scenarios.length);
        let next = 0;
        const worker = async (): Promise<void> => {
            while (next < options.scenarios.length) {
                const index = next++;
                const outcome = await runScenario(browser, options, options.scenarios[index].scenario);
                outcomes[index] = outcome;
                options.onOutcome?.(outcome);
            }
        };
        await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => worker()));
        return outcomes;
    } finally {
        await browser.close();
    }
}

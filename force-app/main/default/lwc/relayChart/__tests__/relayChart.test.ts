import { createElement } from 'lwc';
import { afterEach, describe, expect, it } from '@jest/globals';
import RelayChart, { MARGIN, MAX_AXIS_LABELS, PLOT_HEIGHT, PLOT_WIDTH, niceStep } from 'c/relayChart';
import type { ChartSeries } from 'c/relayChart';
import stackedSeries from './data/stackedSeries.json';

type ChartElement = HTMLElement & { chartTitle?: string; series?: ChartSeries; emptyMessage?: string };

const stacked = stackedSeries as ChartSeries;

function mount(series: ChartSeries | undefined, emptyMessage?: string): ChartElement {
    const element = createElement('c-relay-chart', { is: RelayChart }) as ChartElement;
    element.chartTitle = 'Changes per hour';
    element.series = series;
    if (emptyMessage) {
        element.emptyMessage = emptyMessage;
    }
    document.body.appendChild(element);
    return element;
}

function rects(element: HTMLElement): SVGRectElement[] {
    return [...(element.shadowRoot?.querySelectorAll<SVGRectElement>('rect[data-id="bar"]') ?? [])];
}

const attr = (node: Element, name: string): number => Number(node.getAttribute(name));

describe('c-relay-chart', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('is one labelled image with a title', async () => {
        const element = mount(stacked);
        const svg = element.shadowRoot?.querySelector('svg');

        expect(svg?.getAttribute('role')).toBe('img');
        expect(svg?.getAttribute('aria-label')).toBe('Changes per hour');
        expect(svg?.querySelector('title')?.textContent).toBe('Changes per hour');
        await expect(element).toBeAccessible();
    });

    it('stacks one rect per non-zero value, scaled to a nice axis maximum', () => {
        const element = mount(stacked);
        const bars = rects(element);

        // 10+2, 30+4+6, 5+1: the zero values draw nothing.
        expect(bars).toHaveLength(7);
        // Largest total 40 → step niceStep(10) = 10 → axis 0..40.
        const slot = PLOT_WIDTH / 4;
        const [delivered0, retries0, delivered1, dead1, retries1] = bars;
        expect(attr(delivered0, 'height')).toBeCloseTo((10 / 40) * PLOT_HEIGHT, 1);
        expect(attr(delivered0, 'y')).toBeCloseTo(MARGIN.top + PLOT_HEIGHT - (10 / 40) * PLOT_HEIGHT, 1);
        expect(attr(retries0, 'y')).toBeCloseTo(MARGIN.top + PLOT_HEIGHT - (12 / 40) * PLOT_HEIGHT, 1);
        expect(attr(delivered0, 'width')).toBeCloseTo(slot * 0.7, 1);
        expect(attr(delivered0, 'x')).toBeCloseTo(MARGIN.left + slot * 0.15, 1);
        expect(attr(delivered1, 'x')).toBeCloseTo(MARGIN.left + slot * 1.15, 1);
        // The tallest stack reaches the top of the plot.
        expect(attr(retries1, 'y')).toBeCloseTo(MARGIN.top, 1);
        expect(attr(dead1, 'height')).toBeCloseTo((4 / 40) * PLOT_HEIGHT, 1);
        expect(delivered0.getAttribute('class')).toContain('relay-chart__fill_success');
        expect(dead1.getAttribute('class')).toContain('relay-chart__fill_error');
        expect(retries1.getAttribute('class')).toContain('relay-chart__fill_warning');
        expect(dead1.querySelector('title')?.textContent).toBe('10:00 · Dead letters: 4');
    });

    it('draws y ticks from 0 to the axis maximum and a label under each bar', () => {
        const element = mount(stacked);
        const ticks = [...(element.shadowRoot?.querySelectorAll('.relay-chart__grid text') ?? [])];
        const labels = [...(element.shadowRoot?.querySelectorAll('.relay-chart__labels text') ?? [])];

        expect(ticks.map((tick) => tick.textContent?.trim())).toEqual(['0', '10', '20', '30', '40']);
        expect(attr(ticks[0], 'y')).toBe(MARGIN.top + PLOT_HEIGHT);
        expect(attr(ticks[4], 'y')).toBe(MARGIN.top);
        expect(labels.map((label) => label.textContent?.trim())).toEqual(['09:00', '10:00', '11:00', '12:00']);
    });

    it('thins the axis labels of long series', () => {
        const labels = Array.from({ length: 48 }, (_, hour) => `h${hour}`);
        const element = mount({
            categoryLabel: 'Hour',
            labels,
            datasets: [{ label: 'Delivered', values: labels.map(() => 1), color: 'success' }]
        });
        const drawn = element.shadowRoot?.querySelectorAll('.relay-chart__labels text') ?? [];

        expect(drawn.length).toBeLessThanOrEqual(MAX_AXIS_LABELS);
        expect(drawn[1]?.textContent?.trim()).toBe('h4');
        expect(rects(element)).toHaveLength(48);
    });

    it('draws fewer labels when they are long, so that they do not overlap', () => {
        const labels = Array.from({ length: 28 }, (_, bar) => `Nov ${13 + Math.floor(bar / 4)}, ${(bar % 4) * 6} h`);
        const element = mount({
            categoryLabel: 'Period starting',
            labels,
            datasets: [{ label: 'Delivered', values: labels.map(() => 2), color: 'success' }]
        });
        const drawn = [...(element.shadowRoot?.querySelectorAll('.relay-chart__labels text') ?? [])];

        // 11 characters → 6 labels fit in the plot's width.
        expect(drawn.map((label) => label.textContent?.trim())).toEqual([
            'Nov 13, 0 h',
            'Nov 14, 6 h',
            'Nov 15, 12 h',
            'Nov 16, 18 h',
            'Nov 18, 0 h',
            'Nov 19, 6 h'
        ]);
    });

    it('lists every value in a visually hidden table with a total column', () => {
        const element = mount(stacked);
        const table = element.shadowRoot?.querySelector('table[data-id="data-table"]');

        expect(table?.className).toBe('slds-assistive-text');
        expect(table?.querySelector('caption')?.textContent?.trim()).toBe('Changes per hour');
        const headers = [...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent);
        expect(headers).toEqual(['Hour', 'Delivered', 'Dead letters', 'Retries', 'Total']);
        const second = [...(table?.querySelectorAll('tbody tr')[1]?.children ?? [])].map((cell) => cell.textContent);
        expect(second).toEqual(['10:00', '30', '4', '6', '40']);
    });

    it('has a legend entry per dataset and no total column for one dataset', () => {
        const element = mount({
            categoryLabel: 'Latency',
            labels: ['≤ 1 s', '≤ 2 s'],
            datasets: [{ label: 'Deliveries', values: [3, 1], color: 'brand' }]
        });
        const legend = [...(element.shadowRoot?.querySelectorAll('.relay-chart__legend li') ?? [])];

        expect(legend.map((entry) => entry.textContent)).toEqual(['Deliveries']);
        expect(legend[0].querySelector('span')?.className).toContain('relay-chart__swatch_brand');
        const headers = [...(element.shadowRoot?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent);
        expect(headers).toEqual(['Latency', 'Deliveries']);
    });

    it('shows its empty message instead of bars when every value is zero', async () => {
        const element = mount(
            {
                categoryLabel: 'Hour',
                labels: ['09:00'],
                datasets: [{ label: 'Delivered', values: [0], color: 'success' }]
            },
            'No traffic in this window.'
        );

        expect(element.shadowRoot?.querySelector('[data-id="empty"]')?.textContent?.trim()).toBe(
            'No traffic in this window.'
        );
        expect(element.shadowRoot?.querySelector('svg')).toBeNull();
        expect(element.shadowRoot?.querySelector('table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('is empty without a series', () => {
        const element = mount(undefined);

        expect(element.shadowRoot?.querySelector('[data-id="empty"]')?.textContent?.trim()).toBe('Nothing to show.');
    });

    it('re-renders when the series changes', async () => {
        const element = mount(stacked);
        element.series = { ...stacked, labels: ['09:00'], datasets: [{ ...stacked.datasets[0], values: [8] }] };
        await Promise.resolve();

        expect(rects(element)).toHaveLength(1);
        expect(attr(rects(element)[0], 'y')).toBe(MARGIN.top);
    });
});

describe('niceStep', () => {
    it('rounds up to 1, 2, 2.5 or 5 times a power of ten, whole and at least 1', () => {
        expect(niceStep(0)).toBe(1);
        expect(niceStep(0.4)).toBe(1);
        expect(niceStep(1.5)).toBe(2);
        expect(niceStep(3)).toBe(5);
        expect(niceStep(10)).toBe(10);
        expect(niceStep(11)).toBe(20);
        expect(niceStep(20.25)).toBe(25);
        expect(niceStep(2.2)).toBe(5);
        expect(niceStep(260)).toBe(500);
        expect(niceStep(600)).toBe(1000);
    });
});

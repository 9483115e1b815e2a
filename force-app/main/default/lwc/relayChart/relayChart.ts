import { LightningElement, api } from 'lwc';

/** SLDS colour roles a dataset can take (each maps to an SLDS global colour styling hook in relayChart.css). */
export type ChartColor = 'success' | 'error' | 'warning' | 'brand' | 'neutral';

/** One stacked layer of the bars: a value per label. */
export interface ChartDataset {
    label: string;
    values: number[];
    color: ChartColor;
}

/** What the chart shows: category labels along the x axis and one or more stacked datasets. */
export interface ChartSeries {
    /** Header of the label column in the assistive table, for example "Hour" or "Latency". */
    categoryLabel: string;
    labels: string[];
    datasets: ChartDataset[];
}

export interface ChartRect {
    key: string;
    x: number;
    y: number;
    width: number;
    height: number;
    className: string;
    tooltip: string;
}

export interface ChartTick {
    key: string;
    value: number;
    label: string;
    y: number;
}

export interface ChartAxisLabel {
    key: string;
    x: number;
    label: string;
}

export interface ChartTableRow {
    key: string;
    label: string;
    cells: { key: string; value: string }[];
}

/** The drawing's own coordinate system (the SVG scales to its container through viewBox). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 220;
export const MARGIN = { top: 12, right: 8, bottom: 28, left: 48 } as const;
export const PLOT_WIDTH = CHART_WIDTH - MARGIN.left - MARGIN.right;
export const PLOT_HEIGHT = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
/** Axis labels drawn at most; the others stay in the assistive table. */
export const MAX_AXIS_LABELS = 12;
/** Width of one character of an 11 px axis label, generously: labels must not overlap. */
const LABEL_CHAR_WIDTH = 6.5;
const LABEL_GAP = 12;
const BAR_FILL = 0.7;

const numberFormat = new Intl.NumberFormat();

/** The smallest 1, 2, 2.5 (from 25 up: steps stay whole) or 5 × 10^k at least `value`; at least 1 (counts). */
export function niceStep(value: number): number {
    if (!(value > 1)) {
        return 1;
    }
    const magnitude = 10 ** Math.floor(Math.log10(value));
    const factors = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
    const nice = factors.find((factor) => factor * magnitude >= value) ?? 10;
    return nice * magnitude;
}

/** Round to 2 decimals so the SVG attributes stay short and tests can compare them. */
function round(value: number): number {
    return Math.round(value * 100) / 100;
}

/**
 * A stacked bar chart drawn with SVG from the template: no chart library, no static resource (docs/console.md).
 * The <svg> is one image for assistive technology (role="img" + aria-label + <title>); the values are read from the
 * visually hidden table beside it.
 */
export default class RelayChart extends LightningElement {
    /** Names the chart: the image's accessible name and the assistive table's caption. */
    @api chartTitle = 'Chart';
    @api series?: ChartSeries;
    /** Shown instead of the bars when every value is zero or there is no label. */
    @api emptyMessage = 'Nothing to show.';

    get labels(): string[] {
        return this.series?.labels ?? [];
    }

    get datasets(): ChartDataset[] {
        return this.series?.datasets ?? [];
    }

    /** The stacked total of each label. */
    get totals(): number[] {
        return this.labels.map((_, index) =>
            this.datasets.reduce((sum, dataset) => sum + Math.max(0, dataset.values[index] ?? 0), 0)
        );
    }

    get isEmpty(): boolean {
        return this.totals.every((total) => total === 0);
    }

    get step(): number {
        return niceStep(Math.max(0, ...this.totals) / 4);
    }

    /** The top of the y axis: a whole number of steps at or above the largest total. */
    get yMax(): number {
        const largest = Math.max(0, ...this.totals);
        return Math.max(this.step, Math.ceil(largest / this.step) * this.step);
    }

    get viewBox(): string {
        return `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`;
    }

    get slotWidth(): number {
        return this.labels.length === 0 ? PLOT_WIDTH : PLOT_WIDTH / this.labels.length;
    }

    get bars(): ChartRect[] {
        const yMax = this.yMax;
        const slot = this.slotWidth;
        const width = Math.max(1, slot * BAR_FILL);
        const rects: ChartRect[] = [];
        this.labels.forEach((label, index) => {
            let stacked = 0;
            this.datasets.forEach((dataset, layer) => {
                const value = Math.max(0, dataset.values[index] ?? 0);
                if (value === 0) {
                    return;
                }
                const height = (value / yMax) * PLOT_HEIGHT;
                stacked += value;
                rects.push({
                    key: `${index}-${layer}`,
                    x: round(MARGIN.left + index * slot + (slot - width) / 2),
                    y: round(MARGIN.top + PLOT_HEIGHT - (stacked / yMax) * PLOT_HEIGHT),
                    width: round(width),
                    height: round(height),
                    className: `relay-chart__fill_${dataset.color}`,
                    tooltip: `${label} · ${dataset.label}: ${numberFormat.format(value)}`
                });
            });
        });
        return rects;
    }

    get yTicks(): ChartTick[] {
        const ticks: ChartTick[] = [];
        for (let value = 0; value <= this.yMax; value += this.step) {
            ticks.push({
                key: `tick-${value}`,
                value,
                label: numberFormat.format(value),
                y: round(MARGIN.top + PLOT_HEIGHT - (value / this.yMax) * PLOT_HEIGHT)
            });
        }
        return ticks;
    }

    /** How many axis labels fit side by side without overlapping (at most MAX_AXIS_LABELS). */
    get labelRoom(): number {
        const longest = Math.max(1, ...this.labels.map((label) => label.length));
        return Math.max(
            1,
            Math.min(MAX_AXIS_LABELS, Math.floor(PLOT_WIDTH / (longest * LABEL_CHAR_WIDTH + LABEL_GAP)))
        );
    }

    /** Every n-th label under its bar, so that the drawn ones fit. */
    get xLabels(): ChartAxisLabel[] {
        const every = Math.max(1, Math.ceil(this.labels.length / this.labelRoom));
        const slot = this.slotWidth;
        return this.labels
            .map((label, index) => ({ key: `label-${index}`, x: round(MARGIN.left + index * slot + slot / 2), label }))
            .filter((_, index) => index % every === 0);
    }

    get axisLeft(): number {
        return MARGIN.left;
    }

    get axisRight(): number {
        return MARGIN.left + PLOT_WIDTH;
    }

    get axisBottom(): number {
        return MARGIN.top + PLOT_HEIGHT;
    }

    get labelY(): number {
        return MARGIN.top + PLOT_HEIGHT + 18;
    }

    get tickLabelX(): number {
        return MARGIN.left - 6;
    }

    get legend(): { key: string; label: string; swatchClass: string }[] {
        return this.datasets.map((dataset) => ({
            key: dataset.label,
            label: dataset.label,
            swatchClass: `relay-chart__swatch relay-chart__swatch_${dataset.color}`
        }));
    }

    get showTotalColumn(): boolean {
        return this.datasets.length > 1;
    }

    get tableRows(): ChartTableRow[] {
        const totals = this.totals;
        return this.labels.map((label, index) => {
            const cells = this.datasets.map((dataset) => ({
                key: dataset.label,
                value: numberFormat.format(dataset.values[index] ?? 0)
            }));
            if (this.showTotalColumn) {
                cells.push({ key: 'total', value: numberFormat.format(totals[index]) });
            }
            return { key: `row-${index}`, label, cells };
        });
    }

    get categoryLabel(): string {
        return this.series?.categoryLabel ?? 'Label';
    }
}

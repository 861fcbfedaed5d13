// The end-of-test report every script writes from handleSummary
// (https://grafana.com/docs/k6/latest/results-output/end-of-test/custom-summary/): the k6 summary as JSON, and a
// text report of the operations, their percentiles and the bottlenecks: the operations whose p(95) is above
// BOTTLENECK_MS (default 5000, the time-out the original Python benchmark flagged), as `rsp bench` reports steps.
// Written here rather than imported from jslib.k6.io: the scripts load nothing over the network.
//
// k6 passes one of two shapes: the summary object it has passed since v0.30 (metrics by name, each with its
// thresholds; setup() data), the default up to k6 2.3 at least, and the machine-readable summary 1.0.0
// (--new-machine-readable-summary, schema in grafana/k6-summary: a metric list, one pass/fail for the run, no setup()
// data), announced as a later default. Both are read here.

import { bottleneckMillis, outDir } from './config.ts';
import { STEPS } from './es2.ts';
import { arrayAt, isObject, numberAt, objectAt, stringAt } from './json.ts';
import type { JsonObject } from './json.ts';

/** The trend statistics every script asks k6 for; the report reads med, p(95), p(99), max and count. */
export const SUMMARY_TREND_STATS = ['count', 'avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

/** The prefixes of the Trend metrics that time one operation: a request (op_) or an order step (step_). */
export const OPERATION_PREFIX = 'op_';
export const STEP_PREFIX = 'step_';

/** One metric as the report uses it. */
export interface Metric {
    readonly type: string;
    readonly values: { readonly [stat: string]: number };
    /** threshold expression to whether it held; empty when k6 gave no detail */
    readonly thresholds: { readonly [expression: string]: boolean };
}

/** The summary k6 passed to handleSummary, in one shape whichever k6 sent. */
export interface Summary {
    readonly format: 'summary' | 'machine-readable 1.0.0';
    readonly metrics: { readonly [name: string]: Metric };
    readonly durationMillis: number;
    /** whether every threshold held */
    readonly passed: boolean;
    /** what setup() returned; undefined in the machine-readable summary, which does not carry it */
    readonly setupData: unknown;
}

/** An operation over the threshold. */
export interface Bottleneck {
    readonly operation: string;
    readonly p95Millis: number;
    readonly maxMillis: number;
}

/** The summary in `data`; a shape neither format has stops handleSummary with what was found. */
export function readSummary(data: unknown): Summary {
    const root = isObject(data) ? data : undefined;
    const results = objectAt(root, 'results');
    const list = arrayAt(results, 'metrics');
    if (stringAt(root, 'version') !== undefined && list !== undefined) {
        const metrics: { [name: string]: Metric } = {};
        // The check metrics (checks_total, checks_succeeded, checks_failed) are apart: a list in the schema, an
        // object keyed checksTotal... in its example.
        const checks = objectAt(results, 'checks');
        const checkMetrics = arrayAt(checks, 'metrics') ?? Object.values(objectAt(checks, 'metrics') ?? {});
        for (const raw of [...list, ...checkMetrics]) {
            const name = isObject(raw) ? stringAt(raw, 'name') : undefined;
            if (isObject(raw) && name !== undefined) {
                metrics[name] = {
                    type: stringAt(raw, 'type') ?? '',
                    values: numbers(objectAt(raw, 'values')),
                    thresholds: {},
                };
            }
        }
        return {
            format: 'machine-readable 1.0.0',
            metrics,
            durationMillis: (numberAt(objectAt(root, 'config'), 'duration') ?? 0) * 1000,
            passed: results?.['passed'] === true,
            setupData: undefined,
        };
    }
    const byName = objectAt(root, 'metrics');
    if (byName === undefined) {
        throw new Error('handleSummary: k6 passed a summary with neither metrics nor results.metrics');
    }
    const metrics: { [name: string]: Metric } = {};
    for (const name of Object.keys(byName)) {
        const raw = objectAt(byName, name);
        const thresholds: { [expression: string]: boolean } = {};
        const rawThresholds = objectAt(raw, 'thresholds') ?? {};
        for (const expression of Object.keys(rawThresholds)) {
            thresholds[expression] = objectAt(rawThresholds, expression)?.['ok'] === true;
        }
        metrics[name] = { type: stringAt(raw, 'type') ?? '', values: numbers(objectAt(raw, 'values')), thresholds };
    }
    return {
        format: 'summary',
        metrics,
        durationMillis: numberAt(objectAt(root, 'state'), 'testRunDurationMs') ?? 0,
        passed: Object.values(metrics).every((m) => Object.values(m.thresholds).every((ok) => ok)),
        setupData: root?.['setup_data'],
    };
}

/** What handleSummary returns: stdout, <script>-summary.json and <script>-bottlenecks.txt in OUT_DIR. */
export function summaryOutputs(script: string, summary: Summary): { stdout: string; [output: string]: string } {
    const operations = operationNames(summary);
    const slow = bottlenecks(summary, operations, bottleneckMillis);
    const report = [
        `OpenRSP k6 ${script}: bottleneck report`,
        `an operation is a bottleneck when its p(95) is above ${bottleneckMillis} ms (BOTTLENECK_MS)`,
        '',
        ...operationTable(summary, operations, slow),
        '',
        slow.length === 0
            ? 'bottlenecks: none'
            : `bottlenecks: ${slow.map((b) => `${b.operation} (p95 ${fixed(b.p95Millis)} ms)`).join(', ')}`,
    ];
    const json = {
        script,
        summaryFormat: summary.format,
        durationMillis: summary.durationMillis,
        thresholdsPassed: summary.passed,
        bottleneckThresholdMillis: bottleneckMillis,
        bottlenecks: slow,
        metrics: summary.metrics,
    };
    return {
        stdout: [...overview(script, summary), '', ...report, ''].join('\n'),
        [`${outDir}/${script}-summary.json`]: `${JSON.stringify(json, null, 2)}\n`,
        [`${outDir}/${script}-bottlenecks.txt`]: `${report.join('\n')}\n`,
    };
}

/** The thresholds that failed, as "metric: expression" (one line when k6 gave no detail). */
export function failedThresholds(summary: Summary): string[] {
    const failed: string[] = [];
    for (const name of Object.keys(summary.metrics).sort()) {
        const thresholds = summary.metrics[name]?.thresholds ?? {};
        for (const expression of Object.keys(thresholds)) {
            if (thresholds[expression] !== true) {
                failed.push(`${name}: ${expression}`);
            }
        }
    }
    if (!summary.passed && failed.length === 0) {
        failed.push(`a threshold failed (the ${summary.format} summary does not say which)`);
    }
    return failed;
}

/** The operations whose p(95) is above `thresholdMillis`. */
export function bottlenecks(summary: Summary, operations: readonly string[], thresholdMillis: number): Bottleneck[] {
    const slow: Bottleneck[] = [];
    for (const name of operations) {
        const values = summary.metrics[name]?.values ?? {};
        const p95 = values['p(95)'] ?? 0;
        if ((values['count'] ?? 0) > 0 && p95 > thresholdMillis) {
            slow.push({ operation: name, p95Millis: p95, maxMillis: values['max'] ?? 0 });
        }
    }
    return slow;
}

/** The step trends in execution order, then the operation trends by name. */
function operationNames(summary: Summary): string[] {
    const present = Object.keys(summary.metrics).filter((name) => summary.metrics[name]?.type === 'trend');
    const steps = STEPS.map((step) => STEP_PREFIX + step).filter((name) => present.includes(name));
    const operations = present.filter((name) => name.startsWith(OPERATION_PREFIX)).sort();
    return [...steps, ...operations];
}

function operationTable(summary: Summary, operations: readonly string[], slow: readonly Bottleneck[]): string[] {
    const width = Math.max(24, ...operations.map((name) => name.length + 2));
    const lines = [
        `${pad('operation (ms)', width)}${['count', 'med', 'p95', 'p99', 'max'].map((h) => h.padStart(10)).join('')}`,
    ];
    for (const name of operations) {
        const values = summary.metrics[name]?.values ?? {};
        const cells = [
            String(values['count'] ?? 0),
            fixed(values['med']),
            fixed(values['p(95)']),
            fixed(values['p(99)']),
            fixed(values['max']),
        ];
        const mark = slow.some((b) => b.operation === name) ? '  <- bottleneck' : '';
        lines.push(`${pad(name, width)}${cells.map((c) => c.padStart(10)).join('')}${mark}`);
    }
    if (operations.length === 0) {
        lines.push('(no operation was timed)');
    }
    return lines;
}

/** Run length, the counters and rates, and every threshold with its result. */
function overview(script: string, summary: Summary): string[] {
    const lines = [`OpenRSP k6 ${script}: ran ${fixed(summary.durationMillis / 1000)} s`];
    for (const name of Object.keys(summary.metrics).sort()) {
        const metric = summary.metrics[name];
        if (metric?.type === 'counter') {
            lines.push(`  ${pad(name, 32)}${fixed(metric.values['count'])} (${fixed(metric.values['rate'])}/s)`);
        } else if (metric?.type === 'rate') {
            lines.push(`  ${pad(name, 32)}${fixed((metric.values['rate'] ?? 0) * 100)} %`);
        }
    }
    lines.push(`thresholds: ${summary.passed ? 'all held' : 'FAILED'}`);
    for (const name of Object.keys(summary.metrics).sort()) {
        const thresholds = summary.metrics[name]?.thresholds ?? {};
        for (const expression of Object.keys(thresholds)) {
            lines.push(`  ${thresholds[expression] === true ? 'ok    ' : 'FAILED'}  ${name}: ${expression}`);
        }
    }
    return lines;
}

/** The numeric members of `values`. */
function numbers(values: JsonObject | undefined): { [stat: string]: number } {
    const result: { [stat: string]: number } = {};
    for (const stat of Object.keys(values ?? {})) {
        const value = numberAt(values, stat);
        if (value !== undefined) {
            result[stat] = value;
        }
    }
    return result;
}

function fixed(value: number | undefined): string {
    if (value === undefined || Number.isNaN(value)) {
        return '-';
    }
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function pad(text: string, width: number): string {
    return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

// Performance: ramping virtual users, each iteration an operator provisioning one card of the fleet (a distinct
// card per iteration) with ES2 DownloadProfile and enable, followed to its end: the same load as `rsp bench`.
// Thresholds: HTTP failures under 1 %, more than 99 % of the orders completed, each step's p(95) and p(99), and the
// whole provisioning's p(99) (DESIGN.md section 10: 250 ms).
//
//   k6 run -e FLEET_FILE=$PWD/k6/results/fleet.json -e VUS=20 -e STAGE=1m k6/src/performance.ts

import exec from 'k6/execution';
import type { Options } from 'k6/options';
import { absolutePath, duration, flag, identity, integer, seconds } from './lib/config.ts';
import { loadFleet } from './lib/fleet-file.ts';
import { provision, provisioningThresholds } from './lib/provisioning.ts';
import type { Provisioning } from './lib/provisioning.ts';
import { SUMMARY_TREND_STATS, readSummary, summaryOutputs } from './lib/summary.ts';

const client = identity('operator-1');
if (client.role !== 'OPERATOR') {
    throw new Error(`IDENTITY=${client.name}: ES2 DownloadProfile needs an OPERATOR certificate`);
}
const fleet = loadFleet(absolutePath('FLEET_FILE'));
const peakVus = integer('VUS', 20, 1, 10_000);
const stage = duration('STAGE', '1m');
const how: Provisioning = {
    profileType: fleet.profileType,
    enable: flag('ENABLE', true),
    orderTimeoutSeconds: integer('ORDER_TIMEOUT_S', 300, 1, 86_400),
};
// An iteration still following its order when its VU is stopped gets the order's time-out to end.
const grace = `${how.orderTimeoutSeconds}s`;

export const options: Options = {
    tlsAuth: [{ cert: open(client.certFile), key: open(client.keyFile) }],
    scenarios: {
        provisioning: {
            executor: 'ramping-vus',
            startVUs: 0,
            // Up in four steps to VUS, held, then down.
            stages: [
                { duration: stage, target: Math.ceil(peakVus / 4) },
                { duration: stage, target: Math.ceil(peakVus / 2) },
                { duration: stage, target: peakVus },
                { duration: stage, target: peakVus },
                { duration: stage, target: 0 },
            ],
            gracefulRampDown: grace,
            gracefulStop: grace,
        },
    },
    thresholds: {
        http_req_failed: ['rate<0.01'],
        ...provisioningThresholds(how, {
            stepP95Millis: integer('STEP_P95_MS', 100, 1, 3_600_000),
            stepP99Millis: integer('STEP_P99_MS', 250, 1, 3_600_000),
            provisioningP99Millis: integer('PROVISIONING_P99_MS', 250, 1, 3_600_000),
        }),
    },
    summaryTrendStats: SUMMARY_TREND_STATS,
};

export function setup(): void {
    console.log(
        `performance: up to ${peakVus} VUs over ${seconds(stage) * 5} s, ${fleet.eids.length} cards in the fleet, ` +
            `profile type ${fleet.profileType}`,
    );
}

export default function (): void {
    const index = exec.scenario.iterationInTest;
    const eid = fleet.eids[index];
    if (eid === undefined) {
        exec.test.abort(
            `the fleet has ${fleet.eids.length} cards and iteration ${index + 1} needs another: ` +
                'prepare a larger fleet (FLEET_SIZE) or run shorter (STAGE) or with fewer VUs (VUS)',
        );
        return;
    }
    provision(eid, how);
}

export function handleSummary(data: unknown): { [output: string]: string } {
    return summaryOutputs('performance', readSummary(data));
}

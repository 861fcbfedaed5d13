// Stress: the heaviest operations at rising arrival rates (open model: new iterations start on schedule whether or
// not the platform keeps up), with the OPERATOR certificate:
//   download  ES2 DownloadProfile with enable on a distinct fleet card, followed to its end (every card round trip:
//             ES3, ES5 PSK-TLS sessions, ES8 key establishment and SCP03t), rising to PEAK_RATE per second
//   reads     ES2 GetEIS (SM-DP to SM-SR over ES3) on fleet cards, rising to READ_PEAK_RATE per second
// Each rate rises in four steps of STAGE. The fleet must hold a card for every planned download; setup() checks it.
//
//   k6 run -e FLEET_FILE=$PWD/k6/results/fleet.json -e PEAK_RATE=50 -e STAGE=1m k6/src/stress.ts

import { check } from 'k6';
import exec from 'k6/execution';
import { Trend } from 'k6/metrics';
import type { Options, Stage } from 'k6/options';
import { absolutePath, duration, flag, identity, integer, seconds } from './lib/config.ts';
import { getEis } from './lib/es2.ts';
import { loadFleet } from './lib/fleet-file.ts';
import { provision, provisioningThresholds } from './lib/provisioning.ts';
import type { Provisioning } from './lib/provisioning.ts';
import { OPERATION_PREFIX, SUMMARY_TREND_STATS, readSummary, summaryOutputs } from './lib/summary.ts';

const client = identity('operator-1');
if (client.role !== 'OPERATOR') {
    throw new Error(`IDENTITY=${client.name}: ES2 needs an OPERATOR certificate`);
}
const fleet = loadFleet(absolutePath('FLEET_FILE'));
const stage = duration('STAGE', '1m');
const downloadStages = rising(integer('PEAK_RATE', 50, 1, 100_000));
const readStages = rising(integer('READ_PEAK_RATE', 200, 1, 1_000_000));
const plannedDownloads = planned(downloadStages);
const maxVus = integer('MAX_VUS', 1000, 1, 100_000);
const how: Provisioning = {
    profileType: fleet.profileType,
    enable: flag('ENABLE', true),
    orderTimeoutSeconds: integer('ORDER_TIMEOUT_S', 300, 1, 86_400),
};
const getEisTime = new Trend(`${OPERATION_PREFIX}GetEIS`, true);

export const options: Options = {
    tlsAuth: [{ cert: open(client.certFile), key: open(client.keyFile) }],
    scenarios: {
        download: {
            executor: 'ramping-arrival-rate',
            exec: 'download',
            startRate: 0,
            timeUnit: '1s',
            stages: downloadStages,
            preAllocatedVUs: Math.min(maxVus, 50),
            maxVUs: maxVus,
            gracefulStop: `${how.orderTimeoutSeconds}s`,
        },
        reads: {
            executor: 'ramping-arrival-rate',
            exec: 'reads',
            startRate: 0,
            timeUnit: '1s',
            stages: readStages,
            preAllocatedVUs: Math.min(maxVus, 50),
            maxVUs: maxVus,
        },
    },
    thresholds: {
        http_req_failed: ['rate<0.01'],
        // The same bound per scenario (k6 tags every sample with its scenario), so a report says which one failed.
        'http_req_failed{scenario:download}': ['rate<0.01'],
        'http_req_failed{scenario:reads}': ['rate<0.01'],
        // Iterations k6 could not start (all maxVUs busy): the platform did not keep up with the rate asked for.
        dropped_iterations: ['count==0'],
        [`${OPERATION_PREFIX}GetEIS`]: [
            `p(95)<${integer('READ_P95_MS', 100, 1, 3_600_000)}`,
            `p(99)<${integer('READ_P99_MS', 250, 1, 3_600_000)}`,
        ],
        ...provisioningThresholds(how, {
            stepP95Millis: integer('STEP_P95_MS', 100, 1, 3_600_000),
            stepP99Millis: integer('STEP_P99_MS', 250, 1, 3_600_000),
            provisioningP99Millis: integer('PROVISIONING_P99_MS', 250, 1, 3_600_000),
        }),
    },
    summaryTrendStats: SUMMARY_TREND_STATS,
};

export function setup(): void {
    if (fleet.eids.length < plannedDownloads) {
        throw new Error(
            `the download scenario plans ${plannedDownloads} orders and the fleet has ${fleet.eids.length} cards: ` +
                `prepare FLEET_SIZE=${plannedDownloads} or lower PEAK_RATE or STAGE`,
        );
    }
    console.log(
        `stress: ${plannedDownloads} orders planned, ${planned(readStages)} GetEIS, ${fleet.eids.length} cards`,
    );
}

export function download(): void {
    const index = exec.scenario.iterationInTest;
    const eid = fleet.eids[index];
    if (eid === undefined) {
        exec.test.abort(`download iteration ${index + 1} found no card left in a fleet of ${fleet.eids.length}`);
        return;
    }
    provision(eid, how);
}

export function reads(): void {
    const eid = fleet.eids[exec.scenario.iterationInTest % fleet.eids.length] ?? '';
    const answer = getEis(eid);
    getEisTime.add(answer.millis, { outcome: 'eid' in answer ? 'success' : 'failure' });
    check(answer, { 'GetEIS returns the EIS of the card asked for': (a) => 'eid' in a && a.eid === eid });
}

export function handleSummary(data: unknown): { [output: string]: string } {
    return summaryOutputs('stress', readSummary(data));
}

/** Four steps up to `peak` per second, each reached over STAGE (k6 ramps linearly within a stage). */
function rising(peak: number): Stage[] {
    return [1, 2, 3, 4].map((quarter) => ({ duration: stage, target: Math.max(1, Math.round((peak * quarter) / 4)) }));
}

/** Iterations a ramping-arrival-rate scenario starting at 0 per second starts over `stages`. */
function planned(stages: readonly Stage[]): number {
    let rate = 0;
    let total = 0;
    for (const s of stages) {
        total += ((rate + s.target) / 2) * seconds(s.duration);
        rate = s.target;
    }
    return Math.ceil(total);
}

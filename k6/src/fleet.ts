// Prepares a fleet for performance.ts and stress.ts, with the ADMIN certificate: FLEET_SIZE cards made by the
// simulator's EUM factory and registered at the SM-SR (ES1), and FLEET_SIZE demo profiles of PROFILE_TYPE in the
// SM-DP inventory. The EIDs go to FLEET_FILE, which the load scripts read with the OPERATOR certificate (a k6 run
// presents one client certificate, see lib/config.ts identity()).
//
//   k6 run -e FLEET_SIZE=2000 -e FLEET_FILE=$PWD/k6/results/fleet.json k6/src/fleet.ts

import { check } from 'k6';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { MAX_CARDS_PER_REQUEST, createRegisteredCards, isRegistered } from './lib/cards.ts';
import { absolutePath, duration, identity, integer, text } from './lib/config.ts';
import type { FleetFile } from './lib/fleet-file.ts';
import { parseFleet } from './lib/fleet-file.ts';
import { MAX_DEMO_PER_REQUEST, generateDemoProfiles } from './lib/inventory.ts';
import { SUMMARY_TREND_STATS, failedThresholds, readSummary, summaryOutputs } from './lib/summary.ts';

const client = identity('admin');
if (client.role !== 'ADMIN') {
    throw new Error(`IDENTITY=${client.name}: making cards needs the ADMIN certificate`);
}
const fleetFile = absolutePath('FLEET_FILE');
const size = integer('FLEET_SIZE', 100, 1, 1_000_000);
const batch = integer('BATCH', 200, 1, Math.min(MAX_CARDS_PER_REQUEST, MAX_DEMO_PER_REQUEST));
const profileType = text('PROFILE_TYPE', 'demo');

export const options: Options = {
    tlsAuth: [{ cert: open(client.certFile), key: open(client.keyFile) }],
    // setup() makes the whole fleet: each card is an ES1 registration at the SM-SR.
    setupTimeout: duration('SETUP_TIMEOUT', '30m'),
    scenarios: { verify: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: '2m' } },
    thresholds: { checks: ['rate==1'], fleet_cards_checked: ['count==2'] },
    summaryTrendStats: SUMMARY_TREND_STATS,
};

/** Counts the cards checked, so that the run cannot pass without checking them. */
const cardsChecked = new Counter('fleet_cards_checked');

export function setup(): FleetFile {
    const eids = createRegisteredCards(size, batch);
    generateDemoProfiles(profileType, size, batch);
    return { profileType, eids, createdAt: new Date().toISOString() };
}

/** The first and the last card of the fleet say themselves that they are registered. */
export default function (fleet: FleetFile): void {
    for (const eid of [fleet.eids[0], fleet.eids[fleet.eids.length - 1]]) {
        if (eid !== undefined) {
            check(eid, { 'fleet card is registered': (e) => isRegistered(e) });
            cardsChecked.add(1);
        }
    }
}

/** Writes the fleet file only when the fleet is complete and every threshold held. */
export function handleSummary(data: unknown): { [output: string]: string } {
    const summary = readSummary(data);
    const outputs = summaryOutputs('fleet', summary);
    const failed = failedThresholds(summary);
    const notWritten = (why: string): { [output: string]: string } => ({
        ...outputs,
        stdout: `${outputs.stdout}fleet: ${fleetFile} NOT written (${why})\n`,
    });
    if (failed.length > 0) {
        return notWritten(failed.join('; '));
    }
    if (summary.format !== 'summary') {
        return notWritten(`k6 passed the ${summary.format} summary, which has no setup() data: run without it`);
    }
    if (summary.setupData === undefined || summary.setupData === null) {
        return notWritten('setup() did not finish');
    }
    const fleet = parseFleet('setup() data', JSON.stringify(summary.setupData));
    const written = `fleet: ${fleet.eids.length} registered cards and profiles of type ${fleet.profileType}\n`;
    return {
        ...outputs,
        [fleetFile]: `${JSON.stringify(fleet)}\n`,
        stdout: `${outputs.stdout}${written}in ${fleetFile}\n`,
    };
}

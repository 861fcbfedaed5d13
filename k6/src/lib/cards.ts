// The eUICC simulator's management API (role ADMIN), as rsp-cli's SimulatorClient uses it: the EUM factory makes cards
// and registers each at the SM-SR over ES1 (DESIGN.md section 4, step 1).

import http from 'k6/http';
import { urls } from './config.ts';
import { arrayAt, bodyObject, excerpt, isObject, objectAt, stringAt } from './json.ts';

/** The simulator's default openrsp.factory.max-cards-per-request. */
export const MAX_CARDS_PER_REQUEST = 10_000;

/** Making and registering a batch takes an ES1 round trip per card: give a request minutes on a busy machine. */
const CREATE_TIMEOUT = '300s';

/**
 * POST /cards {"count": n} for each batch until `count` cards exist; their EIDs in order. Stops the run with the
 * card and the reason when a card was not registered: an order for it could only fail.
 */
export function createRegisteredCards(count: number, batch: number): string[] {
    const eids: string[] = [];
    while (eids.length < count) {
        const asked = Math.min(batch, count - eids.length);
        const res = http.post(`${urls.simulator}/cards`, JSON.stringify({ count: asked }), {
            headers: { 'Content-Type': 'application/json' },
            tags: { name: 'POST /cards' },
            timeout: CREATE_TIMEOUT,
        });
        const cards = arrayAt(bodyObject(res), 'cards');
        if (res.status !== 201 || cards === undefined || cards.length !== asked) {
            throw new Error(`POST /cards {"count":${asked}} did not answer ${asked} cards: ${excerpt(res)}`);
        }
        for (const card of cards) {
            const eid = isObject(card) ? stringAt(card, 'eid') : undefined;
            if (eid === undefined || !isObject(card) || card['registered'] !== true) {
                const why = isObject(card) ? objectAt(card, 'registrationFailure') : undefined;
                throw new Error(
                    `card ${eid ?? '?'} was not registered at the SM-SR: ` +
                        `${stringAt(why, 'reason') ?? 'no reason'} ${stringAt(why, 'detail') ?? ''}`.trim(),
                );
            }
            eids.push(eid);
        }
        console.log(`fleet: ${eids.length} of ${count} cards made and registered`);
    }
    return eids;
}

/** GET /cards/{eid}: whether the card itself says it is registered. */
export function isRegistered(eid: string): boolean {
    const res = http.get(`${urls.simulator}/cards/${eid}`, { tags: { name: 'GET /cards/{eid}' } });
    return res.status === 200 && bodyObject(res)?.['registered'] === true;
}

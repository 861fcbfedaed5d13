// The SM-DP's profile inventory (DESIGN.md section 6; roles OPERATOR and ADMIN), as rsp-cli's InventoryClient uses
// it: demo profiles for the orders a load test places.

import http from 'k6/http';
import { urls } from './config.ts';
import { arrayAt, bodyObject, excerpt } from './json.ts';

/** The SM-DP's default openrsp.smdp.inventory.max-demo-count. */
export const MAX_DEMO_PER_REQUEST = 10_000;

/** POST /inventory/demo {"profileType", "count"} in batches until `count` profiles of the type exist. */
export function generateDemoProfiles(profileType: string, count: number, batch: number): number {
    let made = 0;
    while (made < count) {
        const asked = Math.min(batch, count - made);
        const res = http.post(`${urls.smdp}/inventory/demo`, JSON.stringify({ profileType, count: asked }), {
            headers: { 'Content-Type': 'application/json' },
            tags: { name: 'POST /inventory/demo' },
            timeout: '120s',
        });
        const iccids = arrayAt(bodyObject(res), 'iccids');
        if (res.status !== 201 || iccids === undefined || iccids.length !== asked) {
            throw new Error(`POST /inventory/demo did not answer ${asked} ICCIDs: ${excerpt(res)}`);
        }
        made += asked;
        console.log(`fleet: ${made} of ${count} demo profiles of type ${profileType} generated`);
    }
    return made;
}

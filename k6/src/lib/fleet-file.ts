// The fleet file: the registered cards (and the profile type of the demo profiles made for them) that fleet.ts
// prepares with the ADMIN certificate and that performance.ts and stress.ts order profiles for with the OPERATOR
// certificate. Two runs because a k6 run presents one client certificate (see config.ts identity()).

import { SharedArray } from 'k6/data';
import { arrayAt, isObject, stringAt } from './json.ts';

/** What fleet.ts writes. */
export interface FleetFile {
    readonly profileType: string;
    readonly eids: readonly string[];
    readonly createdAt: string;
}

/** A fleet shared by all VUs: the EIDs are loaded once, not once per VU. */
export interface Fleet {
    readonly profileType: string;
    readonly eids: readonly string[];
}

/** Reads and checks the fleet file in the init context (`path` absolute: see config.ts absolutePath()). */
export function loadFleet(path: string): Fleet {
    const eids = new SharedArray('fleet eids', () => [...parseFleet(path, open(path)).eids]);
    const profileType = new SharedArray('fleet profile type', () => [parseFleet(path, open(path)).profileType])[0];
    if (profileType === undefined) {
        throw new Error(`${path}: no profile type`);
    }
    return { profileType, eids };
}

/** The fleet in `text`, checked: a clear error names the file and what is wrong. */
export function parseFleet(path: string, text: string): FleetFile {
    let value: unknown;
    try {
        value = JSON.parse(text) as unknown;
    } catch {
        throw new Error(`${path} is not JSON; write it with fleet.ts`);
    }
    const file = isObject(value) ? value : undefined;
    const profileType = stringAt(file, 'profileType');
    const eids = arrayAt(file, 'eids');
    if (profileType === undefined || profileType === '' || eids === undefined || eids.length === 0) {
        throw new Error(`${path}: expected {"profileType": "...", "eids": [...]} with at least one EID`);
    }
    const checked: string[] = [];
    for (const eid of eids) {
        if (typeof eid !== 'string' || !/^[0-9]{32}$/.test(eid)) {
            throw new Error(`${path}: ${String(eid)} is not an EID (32 digits)`);
        }
        checked.push(eid);
    }
    return { profileType, eids: checked, createdAt: stringAt(file, 'createdAt') ?? '' };
}

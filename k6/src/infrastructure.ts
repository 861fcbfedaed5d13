// Infrastructure check (DESIGN.md section 9): every service answers over TLS 1.3 with a client certificate chained to
// the CI, enforces the certificate's role, and refuses a client without a certificate and a client limited to TLS 1.2.
//
// k6's TLS settings (tlsAuth, tlsVersion) hold for a whole run, so the three conditions are three runs, chosen by
// PROBE:
//   mtls (default)   health over TLS 1.3 on every service, and one read per service: granted for the
//                    IDENTITY's role (default admin), refused with 403 where the role may not read
//   no-client-cert   no certificate: the root CA's public /ca.crt still answers (so the CI is trusted and the
//                    service is up), every /actuator/health is refused (handshake failure, or 401/403 at the root
//                    CA, which asks for a certificate without requiring one)
//   tls12            the client certificate, but TLS 1.2 at most: every handshake is refused
//
//   k6 run -e PROBE=mtls k6/src/infrastructure.ts   (and PROBE=no-client-cert, PROBE=tls12)

import { check } from 'k6';
import http from 'k6/http';
import type { Response } from 'k6/http';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { identity, text, urls } from './lib/config.ts';
import type { Role } from './lib/config.ts';
import { bodyJson, bodyObject, excerpt } from './lib/json.ts';
import { SUMMARY_TREND_STATS, readSummary, summaryOutputs } from './lib/summary.ts';
import { connection, isTls13 } from './lib/tls.ts';

type Probe = 'mtls' | 'no-client-cert' | 'tls12';

/** What one request must show. */
type Expectation =
    /** 200 over TLS 1.3, and the body `accepts` */
    | { readonly kind: 'granted'; readonly accepts: (res: Response) => boolean }
    /** 403: the certificate's role may not call this endpoint */
    | { readonly kind: 'forbidden' }
    /** no role: the handshake fails, or 401/403 where the server asks for a certificate without requiring one */
    | { readonly kind: 'refused' }
    /** the handshake fails */
    | { readonly kind: 'handshake-refused' };

interface Check {
    readonly service: string;
    readonly url: string;
    readonly expect: Expectation;
}

const probe = probeOf(text('PROBE', 'mtls'));
const client = identity('admin');

const isUp = (res: Response): boolean => bodyObject(res)?.['status'] === 'UP';
const isJson = (res: Response): boolean => bodyJson(res) !== undefined;
const isPrometheus = (res: Response): boolean => typeof res.body === 'string' && res.body.includes('# TYPE ');
const isPem = (res: Response): boolean =>
    typeof res.body === 'string' && res.body.includes('-----BEGIN CERTIFICATE-----');

/**
 * Each service, one or two reads and the roles they are granted to (everything else gets 403), and whether the
 * server only asks for a client certificate (the root CA: /ca.crt, /crl and token enrollment need none).
 */
const services: readonly {
    readonly name: string;
    readonly base: string;
    readonly reads: readonly { readonly path: string; readonly roles: readonly Role[] }[];
    readonly certificateOptional: boolean;
}[] = [
    {
        name: 'root-ca-service',
        base: urls.ca,
        reads: [{ path: '/certificates?status=REVOKED', roles: ['ADMIN'] }],
        certificateOptional: true,
    },
    {
        name: 'sm-dp-service',
        base: urls.smdp,
        reads: [
            { path: '/inventory', roles: ['ADMIN', 'OPERATOR'] },
            { path: '/orders?size=1', roles: ['ADMIN'] },
        ],
        certificateOptional: false,
    },
    // ES1 and ES3 are for the EUM and SM-DP roles, which k6 does not hold: the metrics are its read.
    { name: 'sm-sr-service', base: urls.smsr, reads: [], certificateOptional: false },
    {
        name: 'euicc-simulator',
        base: urls.simulator,
        reads: [{ path: '/cards?limit=1', roles: ['ADMIN'] }],
        certificateOptional: false,
    },
];

const plan: readonly Check[] = planFor(probe, client.role);

/** Counts the checks made, so that a run that stopped early cannot pass on the checks it did make. */
const checksMade = new Counter('infrastructure_checks');

export const options: Options = {
    scenarios: { [probe]: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: '2m' } },
    // no-client-cert sends none; the others present IDENTITY's certificate (see config.ts identity()).
    ...(probe === 'no-client-cert' ? {} : { tlsAuth: [{ cert: open(client.certFile), key: open(client.keyFile) }] }),
    // tls12: TLS 1.2 at most; otherwise k6's defaults (1.2 and 1.3), so the server's choice of 1.3 is what is checked.
    ...(probe === 'tls12' ? { tlsVersion: { min: http.TLS_1_2, max: http.TLS_1_2 } } : {}),
    thresholds: {
        checks: ['rate==1'],
        infrastructure_checks: [`count==${plan.length}`],
    },
    summaryTrendStats: SUMMARY_TREND_STATS,
};

export default function (): void {
    for (const planned of plan) {
        const res = http.get(planned.url, { tags: { name: `${planned.service} ${pathOf(planned.url)}`, probe } });
        const passed = check(
            res,
            { [`${planned.service} ${pathOf(planned.url)}: ${planned.expect.kind}`]: (r) => meets(r, planned.expect) },
            { service: planned.service, probe },
        );
        checksMade.add(1);
        if (!passed) {
            console.error(
                `${planned.service} ${planned.url}: expected ${planned.expect.kind}, got ${excerpt(res)} ` +
                    `(${connection(res)}, ${res.tls_version === '' ? 'no TLS session' : res.tls_version})`,
            );
        }
    }
}

export function handleSummary(data: unknown): { [output: string]: string } {
    return summaryOutputs(`infrastructure-${probe}`, readSummary(data));
}

function meets(res: Response, expect: Expectation): boolean {
    switch (expect.kind) {
        case 'granted':
            return res.status === 200 && isTls13(res) && expect.accepts(res);
        case 'forbidden':
            return res.status === 403 && isTls13(res);
        case 'refused':
            return connection(res) === 'refused' || res.status === 401 || res.status === 403;
        case 'handshake-refused':
            return connection(res) === 'refused';
    }
}

function planFor(which: Probe, role: Role): Check[] {
    const checks: Check[] = [];
    for (const service of services) {
        const at = (path: string, expect: Expectation): void => {
            checks.push({ service: service.name, url: service.base + path, expect });
        };
        if (which === 'mtls') {
            at('/actuator/health', { kind: 'granted', accepts: isUp });
            // Every service exposes its metrics to ADMIN only.
            at(
                '/actuator/prometheus',
                role === 'ADMIN' ? { kind: 'granted', accepts: isPrometheus } : { kind: 'forbidden' },
            );
            for (const read of service.reads) {
                at(read.path, read.roles.includes(role) ? { kind: 'granted', accepts: isJson } : { kind: 'forbidden' });
            }
        } else if (which === 'no-client-cert') {
            if (service.certificateOptional) {
                at('/ca.crt', { kind: 'granted', accepts: isPem });
            }
            at('/actuator/health', { kind: 'refused' });
        } else {
            at('/actuator/health', { kind: 'handshake-refused' });
        }
    }
    return checks;
}

function probeOf(value: string): Probe {
    if (value === 'mtls' || value === 'no-client-cert' || value === 'tls12') {
        return value;
    }
    throw new Error(`PROBE=${value}: expected mtls, no-client-cert or tls12`);
}

function pathOf(url: string): string {
    return url.replace(/^https:\/\/[^/]+/, '');
}

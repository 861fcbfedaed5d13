// Settings from the environment (k6 run -e NAME=value, or the process environment), checked once in the init
// context so that a wrong value stops the run with its name instead of failing requests later.

/** The platform's base URLs; compose sets the service host names (https://sm-dp-service:8441, ...). */
export const urls = {
    ca: baseUrl('CA_URL', 'https://127.0.0.1:8440'),
    smdp: baseUrl('SMDP_URL', 'https://127.0.0.1:8441'),
    smsr: baseUrl('SMSR_URL', 'https://127.0.0.1:8442'),
    simulator: baseUrl('SIM_URL', 'https://127.0.0.1:8444'),
};

/**
 * The PKI directory `rsp pki init` writes (<name>.crt, <name>.key, trust-bundle.pem). k6 resolves a relative path
 * in open() against the folder of the script that calls it (k6/src), so the default is the repository's ./pki.
 */
export const certDir: string = text('CERT_DIR', '../../pki').replace(/\/+$/, '');

/** Where handleSummary writes its files; relative to k6's working directory, and it must exist. */
export const outDir: string = text('OUT_DIR', '.').replace(/\/+$/, '');

/** An operation whose p(95) is above this many milliseconds is reported as a bottleneck (as `rsp bench` does). */
export const bottleneckMillis: number = integer('BOTTLENECK_MS', 5000, 1, 3_600_000);

/** The roles the platform maps client certificates to (DESIGN.md section 2). */
export type Role = 'ADMIN' | 'OPERATOR';

/** A client identity: the PEM files of one entity in the PKI directory, and the role its certificate carries. */
export interface Identity {
    readonly name: string;
    readonly role: Role;
    readonly certFile: string;
    readonly keyFile: string;
}

/**
 * The identity a script presents: env IDENTITY, else `fallback`. One per run: k6 offers every tlsAuth certificate
 * to every server and Go's TLS client sends the first one the server's CA list accepts (tlsAuth `domains` has no
 * effect, grafana/k6#5153), and all of them chain to the same CI here.
 */
export function identity(fallback: 'admin' | 'operator-1'): Identity {
    const name = text('IDENTITY', fallback);
    return {
        name,
        role: roleOf(name),
        certFile: `${certDir}/${name}.crt`,
        keyFile: `${certDir}/${name}.key`,
    };
}

/** `rsp pki init` names: admin (CN=Admin-1, role ADMIN), operator-<n> (CN=Operator-<n>, role OPERATOR). */
function roleOf(name: string): Role {
    if (name === 'admin') {
        return 'ADMIN';
    }
    if (/^operator-[0-9]+$/.test(name)) {
        return 'OPERATOR';
    }
    throw new Error(`IDENTITY=${name}: expected admin or operator-<n> (the client certificates rsp pki init writes)`);
}

/** The ES2 functionRequesterIdentifier: the CN of the operator's certificate, which the SM-DP checks. */
export const operatorId: string = text('OPERATOR_ID', 'Operator-1');

/** The value of `name`, or `fallback` when it is unset or empty. */
export function text(name: string, fallback: string): string {
    const value = __ENV[name];
    return value === undefined || value === '' ? fallback : value;
}

/** A whole number in [min, max] from `name`, or `fallback`; anything else stops the run. */
export function integer(name: string, fallback: number, min: number, max: number): number {
    const raw = __ENV[name];
    if (raw === undefined || raw === '') {
        return fallback;
    }
    if (!/^[0-9]+$/.test(raw)) {
        throw new Error(`${name}=${raw}: expected a whole number`);
    }
    const value = Number(raw);
    if (value < min || value > max) {
        throw new Error(`${name}=${raw}: expected ${min} to ${max}`);
    }
    return value;
}

/** true/false from `name`, or `fallback`. */
export function flag(name: string, fallback: boolean): boolean {
    const raw = __ENV[name];
    if (raw === undefined || raw === '') {
        return fallback;
    }
    if (raw !== 'true' && raw !== 'false') {
        throw new Error(`${name}=${raw}: expected true or false`);
    }
    return raw === 'true';
}

/** A k6 duration such as 30s, 2m or 1h30m from `name`, or `fallback`. */
export function duration(name: string, fallback: string): string {
    const value = text(name, fallback);
    if (!/^([0-9]+(ms|s|m|h))+$/.test(value)) {
        throw new Error(`${name}=${value}: expected a duration such as 30s, 2m or 1h30m`);
    }
    return value;
}

/** Seconds in a duration that `duration()` accepted. */
export function seconds(value: string): number {
    const factors: { [unit: string]: number } = { ms: 0.001, s: 1, m: 60, h: 3600 };
    let total = 0;
    for (const part of value.match(/[0-9]+(ms|s|m|h)/g) ?? []) {
        const unit = /(ms|s|m|h)$/.exec(part)?.[1] ?? 's';
        total += parseInt(part, 10) * (factors[unit] ?? 1);
    }
    return total;
}

/** An absolute file path from `name`; see the README for why k6 needs it absolute. */
export function absolutePath(name: string): string {
    const value = __ENV[name];
    if (value === undefined || value === '') {
        throw new Error(`${name} is required: an absolute path (e.g. -e ${name}=$PWD/k6/results/fleet.json)`);
    }
    if (!value.startsWith('/')) {
        throw new Error(
            `${name}=${value}: give an absolute path; k6 writes summary files relative to its working directory but ` +
                'resolves open() relative to the script, so a relative path would name two different files',
        );
    }
    return value;
}

function baseUrl(name: string, fallback: string): string {
    const value = text(name, fallback).replace(/\/+$/, '');
    if (!/^https:\/\/[^/?#]+$/.test(value)) {
        throw new Error(`${name}=${value}: expected https://host:port (the platform speaks HTTPS only)`);
    }
    return value;
}

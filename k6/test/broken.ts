// A deliberately broken k6 script. .ci/k6-check type-checks it with test/tsconfig.json and requires tsc to report
// an error on every line marked with an expect-error comment and on no other line: this shows that the type check of
// src/ can fail. It is not in the main tsconfig.json, and k6 never runs it.

import http from 'k6/http';
import type { Options } from 'k6/options';
import { downloadProfile } from '../src/lib/es2.ts';

export const options: Options = {
    vus: 'ten', // expect-error: vus is a number
    tlsVersion: { min: http.TLS_1_3 }, // expect-error: a version range needs max too
    thresholds: { http_req_failed: 'rate<0.01' }, // expect-error: thresholds take a list of expressions
    tlsAuth: [{ cert: open('../../pki/admin.crt') }], // expect-error: a client certificate needs its key
};

export default function (): void {
    http.post(42); // expect-error: the URL is a string
    http.get('https://127.0.0.1:8441/actuator/health', { timeout: true }); // expect-error: a duration, not a flag
    downloadProfile('89049032000000000000000000000001', 'demo', 'yes'); // expect-error: enable is a boolean
}

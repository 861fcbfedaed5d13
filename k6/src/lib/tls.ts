// What became of a request at the TLS layer, from k6's error codes
// (https://grafana.com/docs/k6/latest/javascript-api/error-codes/): a refusal must be told apart from a server that
// is down and from k6 itself not trusting the server, or a "refused" check would pass for the wrong reason.

import http from 'k6/http';
import type { Response } from 'k6/http';

export type Connection =
    /** An HTTP response came back. */
    | 'answered'
    /** The server ended the handshake or the connection (a TLS alert, a reset, EOF) before any response. */
    | 'refused'
    /** k6 rejected the server's certificate (1310 unknown authority, 1311 host name): the CI is not trusted here. */
    | 'untrusted'
    /** The server was not reached: invalid URL (1020), time-out (1050), DNS (11xx), dial errors (1210-1213). */
    | 'unreachable';

export function connection(res: Response): Connection {
    if (res.status !== 0) {
        return 'answered';
    }
    const code = res.error_code;
    if (code === 1310 || code === 1311) {
        return 'untrusted';
    }
    if (code === 1020 || code === 1050 || (code >= 1100 && code < 1200) || (code >= 1210 && code <= 1213)) {
        return 'unreachable';
    }
    return 'refused';
}

/** Whether the response came over TLS 1.3, as every platform endpoint must (DESIGN.md section 9). */
export function isTls13(res: Response): boolean {
    return res.tls_version === http.TLS_1_3;
}

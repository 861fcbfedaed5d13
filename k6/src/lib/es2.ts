// GSMA SGP.02 v4.2 section 5.3 ES2 from the operator's side, against this platform's SM-DP (role OPERATOR), as
// rsp-cli's Es2Client does it: DownloadProfile places an order (202 + /orders/{id}), GET /orders/{id}?wait= follows it
// until it is COMPLETED or FAILED; GetEIS reads the eUICC Information Set through the SM-DP.

import { randomBytes } from 'k6/crypto';
import http from 'k6/http';
import { operatorId, urls } from './config.ts';
import { arrayAt, bodyObject, excerpt, isObject, numberAt, objectAt, stringAt } from './json.ts';
import type { JsonObject } from './json.ts';

/** The SM-DP waits at most this long on one GET /orders/{id}?wait= (OrdersController.MAX_WAIT_SECONDS). */
export const MAX_WAIT_SECONDS = 60;

/** What a long poll's request may take beyond its wait (as Es2Client.LONG_POLL_MARGIN). */
const LONG_POLL_MARGIN_SECONDS = 30;

/** The five steps of an order (DESIGN.md section 4, the SM-DP's StepName). */
export const STEPS = [
    'EUICC_REGISTRATION',
    'ISDP_CREATION',
    'KEY_ESTABLISHMENT',
    'PROFILE_DOWNLOAD',
    'PROFILE_ENABLING',
] as const;

/** One step of an order as GET /orders/{id} shows it. */
export interface OrderStep {
    readonly name: string;
    /** PENDING, RUNNING, DONE, FAILED or SKIPPED */
    readonly state: string;
    readonly durationMillis: number | null;
}

/** An order as GET /orders/{id} shows it (the SM-DP's OrderView), the parts a load test uses. */
export interface Order {
    readonly orderId: string;
    /** ACCEPTED, RUNNING, COMPLETED or FAILED */
    readonly state: string;
    readonly steps: readonly OrderStep[];
    readonly failure: { readonly step: string; readonly reason: string; readonly message: string } | null;
}

/** How DownloadProfile was answered, and how long the request took (ms). */
export type Placement = { readonly millis: number } & (
    | { readonly kind: 'accepted'; readonly orderId: string; readonly iccid: string }
    /** 200 with the function's response: Failed/Expired with a status code (unknown EID, no profile left...). */
    | { readonly kind: 'refused'; readonly status: string; readonly reason: string }
    /** No usable answer: transport error, an HTTP error, or a body that is not the function's response. */
    | { readonly kind: 'error'; readonly reason: string }
);

/** How following an order ended. */
export type Outcome =
    | { readonly kind: 'ended'; readonly order: Order }
    /** still ACCEPTED or RUNNING at the deadline, as last seen */
    | { readonly kind: 'timeout'; readonly order: Order }
    | { readonly kind: 'error'; readonly reason: string };

/** The ES2 request header: the operator (the CN of its certificate) and a fresh call identifier. */
export function requestHeader(): JsonObject {
    return { functionRequesterIdentifier: operatorId, functionCallIdentifier: uuid() };
}

/**
 * SGP.02 section 5.3.2 ES2.DownloadProfile by profile type; `enable` asks for the profile to be enabled once
 * installed. The SM-DP answers at once: 202 with the order, or 200 with the function's refusal.
 */
export function downloadProfile(eid: string, profileType: string, enable: boolean): Placement {
    const body = { header: requestHeader(), eid, profileType, enableProfile: enable };
    const res = http.post(`${urls.smdp}/gsma/es2/downloadProfile`, JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json' },
        tags: { name: 'ES2 DownloadProfile' },
    });
    const answer = bodyObject(res);
    const millis = res.timings.duration;
    if (res.status === 202) {
        const orderId = stringAt(answer, 'orderId');
        const iccid = stringAt(answer, 'iccid');
        if (orderId === undefined || iccid === undefined) {
            const reason = `DownloadProfile was accepted without orderId and iccid (${excerpt(res)})`;
            return { kind: 'error', reason, millis };
        }
        return { kind: 'accepted', orderId, iccid, millis };
    }
    if (res.status === 200) {
        const status = functionStatus(answer);
        if (status === undefined || status.status === 'Executed-Success') {
            return {
                kind: 'error',
                reason: `DownloadProfile answered 200 without a refusal (${excerpt(res)})`,
                millis,
            };
        }
        return { kind: 'refused', status: status.status, reason: status.reason, millis };
    }
    return { kind: 'error', reason: `DownloadProfile: ${excerpt(res)}`, millis };
}

/**
 * Follows the order with long polls (GET /orders/{id}?wait=, at most MAX_WAIT_SECONDS each) until it is COMPLETED or
 * FAILED, or `timeoutSeconds` have passed: the SM-DP answers as soon as the order ends, so nothing sleeps here.
 */
export function awaitOrder(orderId: string, timeoutSeconds: number): Outcome {
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
        // Rounded up: the last poll waits out the time left rather than asking again and again with wait=0.
        const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
        const wait = Math.min(left, MAX_WAIT_SECONDS);
        const res = http.get(`${urls.smdp}/orders/${encodeURIComponent(orderId)}?wait=${wait}`, {
            tags: { name: 'GET /orders/{id}' },
            timeout: `${wait + LONG_POLL_MARGIN_SECONDS}s`,
        });
        if (res.status !== 200) {
            return { kind: 'error', reason: `GET /orders/${orderId}: ${excerpt(res)}` };
        }
        const order = orderOf(bodyObject(res));
        if (order === undefined) {
            return { kind: 'error', reason: `GET /orders/${orderId} is not an order (${excerpt(res)})` };
        }
        if (order.state === 'COMPLETED' || order.state === 'FAILED') {
            return { kind: 'ended', order };
        }
        if (Date.now() >= deadline) {
            return { kind: 'timeout', order };
        }
    }
}

/** SGP.02 section 5.3.1 ES2.GetEIS: the EID the EIS names when the function succeeded, else why not. */
export function getEis(
    eid: string,
): { readonly millis: number } & ({ readonly eid: string } | { readonly error: string }) {
    const res = http.post(`${urls.smdp}/gsma/es2/getEIS`, JSON.stringify({ header: requestHeader(), eid }), {
        headers: { 'Content-Type': 'application/json' },
        tags: { name: 'ES2 GetEIS' },
    });
    const answer = bodyObject(res);
    const millis = res.timings.duration;
    const status = functionStatus(answer);
    if (res.status !== 200 || status === undefined) {
        return { error: `GetEIS: ${excerpt(res)}`, millis };
    }
    if (status.status !== 'Executed-Success') {
        return { error: `GetEIS ${status.status}: ${status.reason}`, millis };
    }
    const named = stringAt(objectAt(answer, 'eis'), 'eid');
    return named === undefined
        ? { error: `GetEIS succeeded without an EIS (${excerpt(res)})`, millis }
        : { eid: named, millis };
}

/** header.functionExecutionStatus: its status and, for people, its status code. */
function functionStatus(answer: JsonObject | undefined): { status: string; reason: string } | undefined {
    const execution = objectAt(objectAt(answer, 'header'), 'functionExecutionStatus');
    const status = stringAt(execution, 'status');
    if (status === undefined) {
        return undefined;
    }
    const code = objectAt(execution, 'statusCodeData');
    const reason =
        code === undefined
            ? 'no status code'
            : `subject ${stringAt(code, 'subjectCode') ?? '?'}, reason ${stringAt(code, 'reasonCode') ?? '?'}` +
              `${stringAt(code, 'message') === undefined ? '' : `: ${stringAt(code, 'message') ?? ''}`}`;
    return { status, reason };
}

function orderOf(view: JsonObject | undefined): Order | undefined {
    const orderId = stringAt(view, 'orderId');
    const state = stringAt(view, 'state');
    const rawSteps = arrayAt(view, 'steps');
    if (orderId === undefined || state === undefined || rawSteps === undefined) {
        return undefined;
    }
    const steps: OrderStep[] = [];
    for (const raw of rawSteps) {
        if (!isObject(raw)) {
            return undefined;
        }
        const name = stringAt(raw, 'name');
        const stepState = stringAt(raw, 'state');
        if (name === undefined || stepState === undefined) {
            return undefined;
        }
        steps.push({ name, state: stepState, durationMillis: numberAt(raw, 'durationMillis') ?? null });
    }
    const failure = objectAt(view, 'failure');
    return {
        orderId,
        state,
        steps,
        failure:
            failure === undefined
                ? null
                : {
                      step: stringAt(failure, 'step') ?? '?',
                      reason: stringAt(failure, 'reason') ?? '?',
                      message: stringAt(failure, 'message') ?? '',
                  },
    };
}

/** An RFC 9562 version 4 UUID from k6's CSPRNG, for functionCallIdentifier. */
function uuid(): string {
    const bytes = new Uint8Array(randomBytes(16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// One provisioning as an operator runs it (DESIGN.md section 4), timed the way `rsp bench` reports it: ES2
// DownloadProfile, then the order followed to its end, with each step's duration as the SM-DP measured it
// (steps[].durationMillis on GET /orders/{id}) recorded in a Trend per step (step_EUICC_REGISTRATION, ...).
// Metrics are created here, at import, because k6 only allows that in the init context.

import { Counter, Rate, Trend } from 'k6/metrics';
import type { Threshold } from 'k6/options';
import { STEPS, awaitOrder, downloadProfile } from './es2.ts';
import { OPERATION_PREFIX, STEP_PREFIX } from './summary.ts';

const downloadProfileTime = new Trend(`${OPERATION_PREFIX}DownloadProfile`, true);
/** From the DownloadProfile request until GET /orders/{id} shows the order ended, as the operator waits. */
const provisioningTime = new Trend(`${OPERATION_PREFIX}provisioning`, true);
const stepTimes = new Map<string, Trend>(STEPS.map((step) => [step, new Trend(`${STEP_PREFIX}${step}`, true)]));
const ordersPlaced = new Counter('orders_placed');
const orderCompleted = new Rate('order_completed');
const ordersFailed = new Counter('orders_failed');

/** Failures printed per VU; the rest are counted in orders_failed (tags step and reason). */
const MAX_LOGGED_FAILURES = 5;
let loggedFailures = 0;

/** What a provisioning run asks for. */
export interface Provisioning {
    readonly profileType: string;
    readonly enable: boolean;
    readonly orderTimeoutSeconds: number;
}

/** Provisions `eid`; true when the order COMPLETED. A refusal, an error or a time-out counts as a failure. */
export function provision(eid: string, how: Provisioning): boolean {
    const started = Date.now();
    const placed = downloadProfile(eid, how.profileType, how.enable);
    downloadProfileTime.add(placed.millis, { outcome: placed.kind });
    if (placed.kind !== 'accepted') {
        return failed(eid, 'DOWNLOAD_PROFILE', placed.kind === 'refused' ? placed.status : 'ERROR', placed.reason);
    }
    ordersPlaced.add(1);
    const outcome = awaitOrder(placed.orderId, how.orderTimeoutSeconds);
    if (outcome.kind === 'error') {
        return failed(eid, 'AWAIT_ORDER', 'ERROR', outcome.reason);
    }
    if (outcome.kind === 'timeout') {
        const why = `order ${placed.orderId} still ${outcome.order.state} after ${how.orderTimeoutSeconds} s`;
        return failed(eid, 'AWAIT_ORDER', 'TIMEOUT', why);
    }
    const order = outcome.order;
    provisioningTime.add(Date.now() - started, { state: order.state });
    for (const step of order.steps) {
        const trend = stepTimes.get(step.name);
        if (trend !== undefined && step.durationMillis !== null) {
            trend.add(step.durationMillis, { state: step.state });
        }
    }
    if (order.state !== 'COMPLETED') {
        const why = order.failure;
        return failed(
            eid,
            why?.step ?? 'UNKNOWN',
            why?.reason ?? order.state,
            `order ${order.orderId}: ${why?.message ?? ''}`,
        );
    }
    orderCompleted.add(true);
    return true;
}

/**
 * The thresholds on a provisioning run: the orders completed, and each step (and the whole, as the operator sees
 * it) within its bounds. PROFILE_ENABLING is only timed when the profile is enabled.
 */
export function provisioningThresholds(
    how: Provisioning,
    bounds: { readonly stepP95Millis: number; readonly stepP99Millis: number; readonly provisioningP99Millis: number },
): { [metric: string]: Threshold[] } {
    const thresholds: { [metric: string]: Threshold[] } = {
        orders_placed: ['count>0'],
        order_completed: ['rate>0.99'],
        [`${OPERATION_PREFIX}provisioning`]: [`p(99)<${bounds.provisioningP99Millis}`],
    };
    for (const step of STEPS) {
        if (step !== 'PROFILE_ENABLING' || how.enable) {
            thresholds[`${STEP_PREFIX}${step}`] = [`p(95)<${bounds.stepP95Millis}`, `p(99)<${bounds.stepP99Millis}`];
        }
    }
    return thresholds;
}

function failed(eid: string, step: string, reason: string, message: string): false {
    orderCompleted.add(false);
    ordersFailed.add(1, { step, reason });
    if (loggedFailures < MAX_LOGGED_FAILURES) {
        loggedFailures++;
        console.warn(`provisioning of ${eid} failed at ${step}: ${reason} ${message}`);
    }
    return false;
}

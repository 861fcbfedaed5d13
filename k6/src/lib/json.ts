// Reading JSON bodies defensively: a load test must report a malformed answer as a failure, not crash on it.

import type { Response } from 'k6/http';

/** A JSON object. */
export type JsonObject = { readonly [key: string]: unknown };

/** The response body parsed as JSON, or undefined when it is absent or not JSON. */
export function bodyJson(res: Response): unknown {
    if (typeof res.body !== 'string' || res.body === '') {
        return undefined;
    }
    try {
        return JSON.parse(res.body) as unknown;
    } catch {
        return undefined;
    }
}

/** The response body as a JSON object, or undefined. */
export function bodyObject(res: Response): JsonObject | undefined {
    const value = bodyJson(res);
    return isObject(value) ? value : undefined;
}

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `object[key]` when it is a string. */
export function stringAt(object: JsonObject | undefined, key: string): string | undefined {
    const value = object?.[key];
    return typeof value === 'string' ? value : undefined;
}

/** `object[key]` when it is a number. */
export function numberAt(object: JsonObject | undefined, key: string): number | undefined {
    const value = object?.[key];
    return typeof value === 'number' ? value : undefined;
}

/** `object[key]` when it is an object. */
export function objectAt(object: JsonObject | undefined, key: string): JsonObject | undefined {
    const value = object?.[key];
    return isObject(value) ? value : undefined;
}

/** `object[key]` when it is an array. */
export function arrayAt(object: JsonObject | undefined, key: string): readonly unknown[] | undefined {
    const value = object?.[key];
    return Array.isArray(value) ? value : undefined;
}

/** A short, printable excerpt of a body for error messages (bodies here never carry keys). */
export function excerpt(res: Response): string {
    if (res.status === 0) {
        return `no HTTP response (k6 error ${res.error_code}: ${res.error})`;
    }
    const body = typeof res.body === 'string' ? res.body.replace(/[^\x20-\x7E]/g, '?') : '';
    return `HTTP ${res.status}${body === '' ? '' : `: ${body.length > 300 ? `${body.slice(0, 300)}...` : body}`}`;
}

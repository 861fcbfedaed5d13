// k6 provides console in every context; @types/k6 does not declare it and the DOM library would bring browser
// globals k6 does not have (fetch, window...), so the part the scripts use is declared here.

declare const console: {
    log(...data: unknown[]): void;
    info(...data: unknown[]): void;
    warn(...data: unknown[]): void;
    error(...data: unknown[]): void;
    debug(...data: unknown[]): void;
};

/**
 * GSMA SGP.02 v4.2 §5.4, ES3 (SM-DP ↔ SM-SR) at the SM-SR: one class per function, named after it; one endpoint
 * that converts the JSON ({@link io.openrsp.smsr.es3.Es3Endpoint}); one executor that checks the caller, the
 * validity period and the call identifier and maps every failure to the in-band status
 * ({@link io.openrsp.smsr.es3.Es3Executor}); card commands go over ES5 through
 * {@link io.openrsp.smsr.es3.CardCommands}.
 */
package io.openrsp.smsr.es3;

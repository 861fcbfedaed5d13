/**
 * DESIGN.md §7: the SM-SR's persistent state and what the other packages need of it. The EIS (eUICCs, ECASD
 * certificates, ISD-Ps with state, ICCID, fall-back attribute and POL2), the cards' sealed ES5 credentials
 * ({@link io.openrsp.smsr.eis.CardCredentials}), notifications from the cards
 * ({@link io.openrsp.smsr.eis.NotificationHandler}), the audit trail, the processed function calls
 * ({@link io.openrsp.smsr.eis.FunctionCalls}) and the per-card lock ES3 changes run under.
 */
package io.openrsp.smsr.eis;

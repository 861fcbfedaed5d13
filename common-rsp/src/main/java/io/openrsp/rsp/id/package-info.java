/**
 * Identifiers of GSMA SGP.02 and the specifications it builds on: {@link io.openrsp.rsp.id.Eid} (GSMA SGP.29
 * §10), {@link io.openrsp.rsp.id.Iccid} (ITU-T E.118, ETSI TS 102 221), {@link io.openrsp.rsp.id.Imsi}
 * (3GPP TS 31.102 §4.2.2), {@link io.openrsp.rsp.id.Aid} and {@link io.openrsp.rsp.id.Tar} (SGP.02 Annex H).
 * All are immutable values; invalid input raises {@link java.lang.IllegalArgumentException} with a message
 * that says what is wrong.
 */
package io.openrsp.rsp.id;

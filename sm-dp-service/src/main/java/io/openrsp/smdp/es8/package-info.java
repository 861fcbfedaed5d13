/**
 * GSMA SGP.02 v4.2 §3.1.3 / §4.1.3, ES8 seen from the SM-DP (DESIGN.md §4 steps 3 and 4): {@link
 * io.openrsp.smdp.es8.Es8Host} validates the ECASD certificate, establishes the ISD-P key set and downloads the
 * SCP03t-protected profile through ES3 SendData. The ES8 byte layouts live in {@code io.openrsp.rsp.es8}.
 */
package io.openrsp.smdp.es8;

/**
 * ISO/IEC 7816-4 §5.1 short APDUs: {@link io.openrsp.rsp.apdu.CommandApdu} (cases 1 to 4),
 * {@link io.openrsp.rsp.apdu.ResponseApdu} and the {@link io.openrsp.rsp.apdu.StatusWord}s that ISO/IEC
 * 7816-4, GlobalPlatform and GSMA SGP.02 name. Strict parsing raises
 * {@link io.openrsp.rsp.apdu.ApduException}.
 */
package io.openrsp.rsp.apdu;

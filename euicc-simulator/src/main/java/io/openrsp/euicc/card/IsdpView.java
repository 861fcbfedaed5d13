package io.openrsp.euicc.card;

import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §3.3: one ISD-P of a card as the management API shows it.
 *
 * @param aid the ISD-P AID, upper-case hex
 * @param lifeCycle {@code Created}, {@code Disabled} or {@code Enabled} (the SGP.02 profile state names)
 * @param fallback whether the ISD-P carries the fall-back attribute
 * @param memoryQuota the memory reserved for it at creation, in bytes
 * @param iccid the ICCID of the installed profile; null while none is installed
 * @param imsi the IMSI of the installed profile; null while none is installed
 * @param profileType the installed profile's type; null while none is installed or when the package names none
 */
public record IsdpView(
        String aid,
        String lifeCycle,
        boolean fallback,
        long memoryQuota,
        @Nullable String iccid,
        @Nullable String imsi,
        @Nullable String profileType) {}

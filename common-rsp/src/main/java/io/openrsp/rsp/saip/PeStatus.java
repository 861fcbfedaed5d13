package io.openrsp.rsp.saip;

import java.util.Optional;

/**
 * TCA eUICC Profile Package, PE_Definitions {@code PEStatus}: the eUICC's status for one profile element.
 *
 * @param status the status value: a {@link PeStatusCode}, an ISO/IEC 7816 status word (24576-28671 for
 *     {@code 6xxx}, 36864-40959 for {@code 9xxx}) or a proprietary value up to 65535
 * @param identification the PEHeader identification of the element concerned (optional, 0-32767)
 * @param additionalInformation additional information on the status (optional, 0-255)
 * @param offset position of the part of the element that caused the status (optional, 0-2147483647)
 */
public record PeStatus(int status, Integer identification, Integer additionalInformation, Long offset) {

    static final int MAX_STATUS = 65535;
    static final int MAX_IDENTIFICATION = 32767;
    static final int MAX_ADDITIONAL_INFORMATION = 255;
    static final long MAX_OFFSET = Integer.MAX_VALUE;

    public PeStatus {
        requireRange("status", status, MAX_STATUS);
        if (identification != null) {
            requireRange("identification", identification, MAX_IDENTIFICATION);
        }
        if (additionalInformation != null) {
            requireRange("additionalInformation", additionalInformation, MAX_ADDITIONAL_INFORMATION);
        }
        if (offset != null && (offset < 0 || offset > MAX_OFFSET)) {
            throw new IllegalArgumentException("offset out of range 0-" + MAX_OFFSET);
        }
    }

    /** A status with only its code. */
    public static PeStatus of(PeStatusCode code) {
        return new PeStatus(code.value(), null, null, null);
    }

    /** The named status, if {@link #status()} is one. */
    public Optional<PeStatusCode> code() {
        return PeStatusCode.fromValue(status);
    }

    private static void requireRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of range 0-" + max);
        }
    }
}

package io.openrsp.crypto.scp80;

import java.util.Optional;

/** ETSI TS 102 225 §5.2.x (Response Packet, Response Status Codes): the status byte of a Proof of Receipt. */
public enum PorStatus {
    POR_OK(0x00),
    CHECKSUM_FAILED(0x01),
    COUNTER_LOW(0x02),
    COUNTER_HIGH(0x03),
    COUNTER_BLOCKED(0x04),
    CIPHERING_ERROR(0x05),
    UNIDENTIFIED_SECURITY_ERROR(0x06),
    INSUFFICIENT_MEMORY(0x07),
    MORE_TIME(0x08),
    TAR_UNKNOWN(0x09),
    INSUFFICIENT_SECURITY_LEVEL(0x0A);

    private final int code;

    PorStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PorStatus> ofCode(int code) {
        for (PorStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

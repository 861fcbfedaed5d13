package io.openrsp.rsp.saip;

import java.util.Arrays;
import java.util.Optional;

/**
 * TCA eUICC Profile Package, PE_Definitions {@code PEStatus.status}: the named status values the eUICC reports
 * per profile element in its {@code EUICCResponse}. Values 24576-28671 and 36864-40959 carry ISO/IEC 7816 status
 * words {@code 6xxx}/{@code 9xxx}, 40960-65535 are proprietary; {@link PeStatus} carries those as plain numbers.
 */
public enum PeStatusCode {
    OK(0),
    PE_NOT_SUPPORTED(1),
    MEMORY_FAILURE(2),
    BAD_VALUES(3),
    NOT_ENOUGH_MEMORY(4),
    INVALID_REQUEST_FORMAT(5),
    INVALID_PARAMETER(6),
    RUNTIME_NOT_SUPPORTED(7),
    LIB_NOT_SUPPORTED(8),
    TEMPLATE_NOT_SUPPORTED(9),
    FEATURE_NOT_SUPPORTED(10),
    PIN_CODE_MISSING(11),
    UNSUPPORTED_PROFILE_VERSION(31);

    private final int value;

    PeStatusCode(int value) {
        this.value = value;
    }

    /** The INTEGER value on the wire. */
    public int value() {
        return value;
    }

    /** The named status with this value, if it is one. */
    public static Optional<PeStatusCode> fromValue(int value) {
        return Arrays.stream(values()).filter(c -> c.value == value).findFirst();
    }
}

package io.openrsp.rsp.apdu;

import java.util.HexFormat;
import java.util.Map;

/**
 * ISO/IEC 7816-4 §5.1.3: the status word SW1-SW2 that ends every response, with the values that ISO/IEC
 * 7816-4, GlobalPlatform Card Specification v2.3 §11 and GSMA SGP.02 v4.2 §5.x / Annex name.
 *
 * <p>Success is {@code 9000} and {@code 61xx} (normal processing, xx more bytes available); {@code 62xx}
 * and {@code 63xx} are warnings; everything else is an error. Only SW1 {@code 61}-{@code 6F} and
 * {@code 90}-{@code 9F} are status words ({@code 60} is the NULL procedure byte).
 */
public final class StatusWord {

    /** Normal processing. */
    public static final StatusWord NO_ERROR = new StatusWord(0x9000);
    /** Warning: selected file or application invalidated (GlobalPlatform: application locked). */
    public static final StatusWord SELECTED_FILE_INVALIDATED = new StatusWord(0x6283);
    /** Warning: no information given (GlobalPlatform EXTERNAL AUTHENTICATE: verification failed). */
    public static final StatusWord VERIFICATION_FAILED = new StatusWord(0x6300);
    /** Warning: more data available (GlobalPlatform GET STATUS). */
    public static final StatusWord MORE_DATA_AVAILABLE = new StatusWord(0x6310);
    /** Execution error: no precise diagnosis, state unchanged. */
    public static final StatusWord EXECUTION_ERROR = new StatusWord(0x6400);
    /** Execution error: memory failure. */
    public static final StatusWord MEMORY_FAILURE = new StatusWord(0x6581);
    /** Wrong length (Lc or Le). */
    public static final StatusWord WRONG_LENGTH = new StatusWord(0x6700);
    /** Logical channel not supported. */
    public static final StatusWord LOGICAL_CHANNEL_NOT_SUPPORTED = new StatusWord(0x6881);
    /** Secure messaging not supported. */
    public static final StatusWord SECURE_MESSAGING_NOT_SUPPORTED = new StatusWord(0x6882);
    /** Security status not satisfied. */
    public static final StatusWord SECURITY_STATUS_NOT_SATISFIED = new StatusWord(0x6982);
    /** Authentication method blocked. */
    public static final StatusWord AUTHENTICATION_METHOD_BLOCKED = new StatusWord(0x6983);
    /** Conditions of use not satisfied. */
    public static final StatusWord CONDITIONS_NOT_SATISFIED = new StatusWord(0x6985);
    /** GSMA SGP.02: POL1 of the profile forbids the action. */
    public static final StatusWord POL1_FORBIDS = new StatusWord(0x69E1);
    /** Incorrect parameters in the data field. */
    public static final StatusWord WRONG_DATA = new StatusWord(0x6A80);
    /** Function not supported. */
    public static final StatusWord FUNCTION_NOT_SUPPORTED = new StatusWord(0x6A81);
    /** File or application not found. */
    public static final StatusWord FILE_NOT_FOUND = new StatusWord(0x6A82);
    /** Not enough memory space. */
    public static final StatusWord NOT_ENOUGH_MEMORY = new StatusWord(0x6A84);
    /** Incorrect parameters P1-P2. */
    public static final StatusWord INCORRECT_P1P2 = new StatusWord(0x6A86);
    /** Referenced data not found. */
    public static final StatusWord REFERENCED_DATA_NOT_FOUND = new StatusWord(0x6A88);
    /** Wrong parameters P1-P2. */
    public static final StatusWord WRONG_P1P2 = new StatusWord(0x6B00);
    /** Instruction code not supported or invalid. */
    public static final StatusWord INS_NOT_SUPPORTED = new StatusWord(0x6D00);
    /** Class not supported. */
    public static final StatusWord CLA_NOT_SUPPORTED = new StatusWord(0x6E00);
    /** No precise diagnosis. */
    public static final StatusWord NO_PRECISE_DIAGNOSIS = new StatusWord(0x6F00);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x9000, "NO_ERROR"),
            Map.entry(0x6283, "SELECTED_FILE_INVALIDATED"),
            Map.entry(0x6300, "VERIFICATION_FAILED"),
            Map.entry(0x6310, "MORE_DATA_AVAILABLE"),
            Map.entry(0x6400, "EXECUTION_ERROR"),
            Map.entry(0x6581, "MEMORY_FAILURE"),
            Map.entry(0x6700, "WRONG_LENGTH"),
            Map.entry(0x6881, "LOGICAL_CHANNEL_NOT_SUPPORTED"),
            Map.entry(0x6882, "SECURE_MESSAGING_NOT_SUPPORTED"),
            Map.entry(0x6982, "SECURITY_STATUS_NOT_SATISFIED"),
            Map.entry(0x6983, "AUTHENTICATION_METHOD_BLOCKED"),
            Map.entry(0x6985, "CONDITIONS_NOT_SATISFIED"),
            Map.entry(0x69E1, "POL1_FORBIDS"),
            Map.entry(0x6A80, "WRONG_DATA"),
            Map.entry(0x6A81, "FUNCTION_NOT_SUPPORTED"),
            Map.entry(0x6A82, "FILE_NOT_FOUND"),
            Map.entry(0x6A84, "NOT_ENOUGH_MEMORY"),
            Map.entry(0x6A86, "INCORRECT_P1P2"),
            Map.entry(0x6A88, "REFERENCED_DATA_NOT_FOUND"),
            Map.entry(0x6B00, "WRONG_P1P2"),
            Map.entry(0x6D00, "INS_NOT_SUPPORTED"),
            Map.entry(0x6E00, "CLA_NOT_SUPPORTED"),
            Map.entry(0x6F00, "NO_PRECISE_DIAGNOSIS"));

    private final int value;

    private StatusWord(int value) {
        this.value = value;
    }

    /**
     * The status word {@code SW1 << 8 | SW2}.
     *
     * @throws IllegalArgumentException if SW1 is not {@code 61}-{@code 6F} or {@code 90}-{@code 9F}
     */
    public static StatusWord of(int value) {
        if (value < 0 || value > 0xFFFF || !isValidSw1(value >>> 8)) {
            throw new IllegalArgumentException("not a status word: " + Integer.toHexString(value));
        }
        return new StatusWord(value);
    }

    public static StatusWord of(int sw1, int sw2) {
        if (sw1 < 0 || sw1 > 0xFF || sw2 < 0 || sw2 > 0xFF) {
            throw new IllegalArgumentException("SW1 and SW2 are bytes");
        }
        return of(sw1 << 8 | sw2);
    }

    static boolean isValidSw1(int sw1) {
        return (sw1 >= 0x61 && sw1 <= 0x6F) || (sw1 >= 0x90 && sw1 <= 0x9F);
    }

    public int value() {
        return value;
    }

    public int sw1() {
        return value >>> 8;
    }

    public int sw2() {
        return value & 0xFF;
    }

    /** {@code 9000}, or {@code 61xx}: processing completed, more response bytes available. */
    public boolean isSuccess() {
        return value == 0x9000 || sw1() == 0x61;
    }

    /** {@code 62xx} or {@code 63xx}: processed with a warning. */
    public boolean isWarning() {
        return sw1() == 0x62 || sw1() == 0x63;
    }

    /** The constant's name ({@code WRONG_DATA}), or {@code UNNAMED} for a value this class does not name. */
    public String name() {
        return NAMES.getOrDefault(value, "UNNAMED");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusWord s && s.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** E.g. {@code 6A80 WRONG_DATA}. */
    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().toHexDigits((short) value) + " " + name();
    }
}

package io.openrsp.rsp.apdu;

import io.openrsp.rsp.apdu.ApduException.Reason;
import java.util.Arrays;
import java.util.Objects;

/**
 * ISO/IEC 7816-4 §5.1: a response APDU {@code [data] SW1 SW2}, short form (at most 256 data bytes).
 *
 * <p>{@link #toString()} shows the status word and the data length, not the data.
 */
public final class ResponseApdu {

    /** Largest response data of a short APDU. */
    public static final int MAX_DATA = 256;

    private final byte[] data;
    private final StatusWord statusWord;

    private ResponseApdu(byte[] data, StatusWord statusWord) {
        this.data = data;
        this.statusWord = statusWord;
    }

    /** A response with data (copied) and a status word. */
    public static ResponseApdu of(byte[] data, StatusWord statusWord) {
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("short response data exceeds " + MAX_DATA + " bytes");
        }
        return new ResponseApdu(data.clone(), Objects.requireNonNull(statusWord, "statusWord"));
    }

    /** A response with a status word only. */
    public static ResponseApdu of(StatusWord statusWord) {
        return of(new byte[0], statusWord);
    }

    public static ResponseApdu parse(byte[] apdu) {
        return parse(apdu, 0, apdu.length);
    }

    /**
     * Parses {@code apdu[offset, offset + length)}; error offsets index {@code apdu}.
     *
     * @throws ApduException if the bytes are not one short response APDU
     */
    public static ResponseApdu parse(byte[] apdu, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, apdu.length);
        if (length < 2) {
            throw new ApduException(Reason.TOO_SHORT, offset + length);
        }
        if (length > MAX_DATA + 2) {
            throw new ApduException(Reason.RESPONSE_TOO_LONG, offset + MAX_DATA + 2);
        }
        int swAt = offset + length - 2;
        int sw1 = apdu[swAt] & 0xFF;
        if (!StatusWord.isValidSw1(sw1)) {
            throw new ApduException(Reason.INVALID_STATUS_WORD, swAt);
        }
        return new ResponseApdu(Arrays.copyOfRange(apdu, offset, swAt), StatusWord.of(sw1, apdu[swAt + 1] & 0xFF));
    }

    /** A copy of the response data. */
    public byte[] data() {
        return data.clone();
    }

    public StatusWord statusWord() {
        return statusWord;
    }

    public boolean isSuccess() {
        return statusWord.isSuccess();
    }

    public byte[] encode() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) statusWord.sw1();
        out[data.length + 1] = (byte) statusWord.sw2();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && r.statusWord.equals(statusWord) && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * statusWord.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ResponseApdu[" + statusWord + ", data length=" + data.length + "]";
    }
}

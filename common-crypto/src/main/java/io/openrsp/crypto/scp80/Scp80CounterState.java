package io.openrsp.crypto.scp80;

/**
 * ETSI TS 102 225 §5.1 (CNTR): the 5-byte replay counter of one SCP80 key set, as one side last used it. Opaque:
 * it is read and written only by {@link Scp80Sender} and {@link Scp80Receiver}; {@link #encode()} and
 * {@link #decode(byte[])} exist only so that the state can be persisted between packets.
 */
public final class Scp80CounterState {

    static final long MAX = 0xFF_FFFF_FFFFL;
    private static final int VERSION = 1;
    private static final int ENCODED_LENGTH = 6;

    private final long last;

    private Scp80CounterState(long last) {
        this.last = last;
    }

    /** A key set never used: the sender's first counter is 1, the receiver accepts any higher than 0. */
    public static Scp80CounterState initial() {
        return new Scp80CounterState(0);
    }

    /** The persisted form: a version byte and the counter. */
    public byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        out[0] = VERSION;
        System.arraycopy(toCounterBytes(last), 0, out, 1, 5);
        return out;
    }

    /** Reads what {@link #encode()} wrote. */
    public static Scp80CounterState decode(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_LENGTH || encoded[0] != VERSION) {
            throw new IllegalArgumentException("not an SCP80 counter state");
        }
        return new Scp80CounterState(fromCounterBytes(encoded, 1));
    }

    long last() {
        return last;
    }

    static Scp80CounterState of(long last) {
        return new Scp80CounterState(last);
    }

    static byte[] toCounterBytes(long counter) {
        byte[] out = new byte[5];
        for (int i = 0; i < 5; i++) {
            out[4 - i] = (byte) (counter >>> (8 * i));
        }
        return out;
    }

    static long fromCounterBytes(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scp80CounterState state && state.last == last;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(last);
    }

    @Override
    public String toString() {
        return "Scp80CounterState[opaque]";
    }
}

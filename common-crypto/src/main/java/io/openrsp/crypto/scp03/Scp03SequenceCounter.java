package io.openrsp.crypto.scp03;

/**
 * GlobalPlatform Card Specification v2.3 Amendment D §6.2.2.1 and §7.1: the 3-byte sequence counter of a
 * key set, incremented once per secure channel session. It travels in clear (INITIALIZE UPDATE response,
 * SCP03t {@code 84}), so it is an ordinary value; it is persistent state of the card (and, for SCP03t, of
 * the host) and is stored with the key set.
 *
 * @param value 0 (no session yet) to 0xFFFFFF
 */
public record Scp03SequenceCounter(int value) {

    public static final int MAX = 0xFFFFFF;

    public Scp03SequenceCounter {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("sequence counter must be 0..0xFFFFFF");
        }
    }

    /** The state of a fresh key set: no session has used it. */
    public static Scp03SequenceCounter initial() {
        return new Scp03SequenceCounter(0);
    }

    /** Whether a further session is possible (the counter does not wrap). */
    public boolean hasNext() {
        return value < MAX;
    }

    /** The counter of the next session. */
    public Scp03SequenceCounter next() {
        if (!hasNext()) {
            throw new IllegalStateException("sequence counter exhausted");
        }
        return new Scp03SequenceCounter(value + 1);
    }

    boolean isAfter(Scp03SequenceCounter other) {
        return value > other.value;
    }

    byte[] toBytes() {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static Scp03SequenceCounter fromBytes(byte[] bytes, int offset) {
        return new Scp03SequenceCounter(
                (bytes[offset] & 0xFF) << 16 | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF));
    }
}

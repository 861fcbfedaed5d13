package io.openrsp.rsp.scp81;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * ETSI TS 102 223 §8.52: the bearer description of OPEN CHANNEL, a bearer type and its parameters (e.g.
 * the QoS of a GPRS bearer).
 *
 * @param type bearer type byte ({@code 03}: default bearer for the requested transport layer)
 * @param parameters the bearer parameters (copied in and out)
 */
public record BearerDescription(int type, byte[] parameters) {

    /** Bearer type {@code 03} without parameters: the terminal's default bearer. */
    public static final BearerDescription DEFAULT = new BearerDescription(0x03, new byte[0]);

    public BearerDescription {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("bearer type is a byte: " + type);
        }
        if (parameters.length > 0xFE) {
            throw new IllegalArgumentException("bearer parameters longer than 254 bytes");
        }
        parameters = parameters.clone();
    }

    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    byte[] encodeValue() {
        byte[] out = new byte[1 + parameters.length];
        out[0] = (byte) type;
        System.arraycopy(parameters, 0, out, 1, parameters.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BearerDescription b && b.type == type && Arrays.equals(b.parameters, parameters);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "BearerDescription[type=" + type + ", parameters="
                + HexFormat.of().formatHex(parameters) + "]";
    }
}

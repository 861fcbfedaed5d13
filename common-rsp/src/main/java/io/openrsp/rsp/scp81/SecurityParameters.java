package io.openrsp.rsp.scp81;

import static io.openrsp.rsp.scp81.TriggerTags.KEY_REFERENCE_LENGTH;

import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tlv;
import java.util.Arrays;

/**
 * GlobalPlatform Amendment B §3.8.2: the security parameters {@code 85}: the PSK identity as length-value,
 * then the key reference {@code 02 KVN KID}.
 *
 * <p>Deviation: the optional trailing byte some implementations add (a hash type) is not supported.
 *
 * @param identity the PSK identity bytes, as the card sends them in TLS
 * @param identityOffset offset of the first identity byte in the decoded input (0 when built)
 * @param kvn key version number
 * @param kid key identifier
 */
record SecurityParameters(byte[] identity, int identityOffset, int kvn, int kid) {

    byte[] encodeValue() {
        if (identity.length > 0xFF) {
            throw new IllegalArgumentException("PSK identity longer than 255 bytes");
        }
        byte[] out = new byte[1 + identity.length + 1 + KEY_REFERENCE_LENGTH];
        out[0] = (byte) identity.length;
        System.arraycopy(identity, 0, out, 1, identity.length);
        int p = 1 + identity.length;
        out[p] = KEY_REFERENCE_LENGTH;
        out[p + 1] = (byte) kvn;
        out[p + 2] = (byte) kid;
        return out;
    }

    static SecurityParameters decode(Tlv tlv) {
        byte[] v = tlv.value();
        int base = tlv.valueOffset();
        if (v.length == 0) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, tlv.offset() + 1, "empty security parameters");
        }
        int identityLength = v[0] & 0xFF;
        int keyReferenceAt = 1 + identityLength;
        if (v.length != keyReferenceAt + 1 + KEY_REFERENCE_LENGTH) {
            throw new Scp81FormatException(
                    Reason.INVALID_LENGTH, tlv.offset() + 1, "PSK identity length does not fit the parameters");
        }
        if (v[keyReferenceAt] != KEY_REFERENCE_LENGTH) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, base + keyReferenceAt, "key reference length");
        }
        return new SecurityParameters(
                Arrays.copyOfRange(v, 1, keyReferenceAt),
                base + 1,
                v[keyReferenceAt + 1] & 0xFF,
                v[keyReferenceAt + 2] & 0xFF);
    }
}

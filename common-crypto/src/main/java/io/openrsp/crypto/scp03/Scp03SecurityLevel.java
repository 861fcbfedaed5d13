package io.openrsp.crypto.scp03;

import java.util.Optional;

/**
 * GlobalPlatform Card Specification v2.3 Amendment D §7.2 (EXTERNAL AUTHENTICATE, P1): the security level
 * of an SCP03 session. Bits: 01 C-MAC, 02 C-DECRYPTION, 10 R-MAC, 20 R-ENCRYPTION. Only the combinations
 * below are valid (encryption needs the matching MAC, R-ENCRYPTION needs C-DECRYPTION).
 *
 * <p>Deviation: level {@code 00} (authentication only, no secure messaging) is not offered.
 */
public enum Scp03SecurityLevel {
    C_MAC(0x01),
    C_MAC_C_DEC(0x03),
    C_MAC_R_MAC(0x11),
    C_MAC_C_DEC_R_MAC(0x13),
    C_MAC_C_DEC_R_MAC_R_ENC(0x33);

    private static final int C_DECRYPTION = 0x02;
    private static final int R_MAC = 0x10;
    private static final int R_ENCRYPTION = 0x20;

    private final int code;

    Scp03SecurityLevel(int code) {
        this.code = code;
    }

    /** The P1 byte of EXTERNAL AUTHENTICATE. */
    public int code() {
        return code;
    }

    /** The level with this code, if it is one this implementation supports. */
    public static Optional<Scp03SecurityLevel> ofCode(int code) {
        for (Scp03SecurityLevel level : values()) {
            if (level.code == code) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    public boolean commandEncryption() {
        return (code & C_DECRYPTION) != 0;
    }

    public boolean responseMac() {
        return (code & R_MAC) != 0;
    }

    public boolean responseEncryption() {
        return (code & R_ENCRYPTION) != 0;
    }
}

package io.openrsp.ca.authority;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of an enrollment token: SHA-256 of its text, hex. Tokens carry 256 random bits, so a plain
 * hash (no salt, no stretching) suffices to make a database copy useless.
 */
final class TokenHashes {

    private TokenHashes() {}

    static String of(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}

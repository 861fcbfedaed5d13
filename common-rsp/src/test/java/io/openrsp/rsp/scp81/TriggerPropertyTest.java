package io.openrsp.rsp.scp81;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.id.Eid;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the SCP81 codecs over seeded random input (fixed seeds, so a failure reproduces): random
 * triggers and identities round-trip; random bytes and mutations of valid encodings raise nothing but
 * {@link Scp81FormatException}, and whatever decodes re-encodes to something that decodes to the same value.
 */
class TriggerPropertyTest {

    private static final int CASES = 3_000;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-./:";

    @Test
    void decodeWhenRandomTriggerEncodedThenSameTrigger() {
        Random random = new Random(0x5C81_1001L);
        for (int i = 0; i < CASES; i++) {
            AdminSessionTrigger trigger = randomTrigger(random);

            AdminSessionTrigger decoded = AdminSessionTrigger.decode(trigger.encode());

            assertThat(decoded).isEqualTo(trigger);
            assertThat(decoded.connection().address())
                    .isEqualTo(trigger.connection().address());
            assertThat(decoded.pskIdentity().encode())
                    .isEqualTo(trigger.pskIdentity().encode());
        }
    }

    @Test
    void decodeWhenRandomBytesThenOnlyScp81FormatExceptionEscapes() {
        Random random = new Random(0x5C81_1002L);
        for (int i = 0; i < CASES; i++) {
            byte[] input = new byte[random.nextInt(48)];
            random.nextBytes(input);
            if (input.length > 1 && random.nextBoolean()) {
                input[0] = (byte) 0x81;
                input[1] = (byte) Math.min(0x7F, input.length - 2);
            }
            decodeOrTypedError(input);
            String identity = new String(input, StandardCharsets.ISO_8859_1);
            try {
                PskIdentity.decode(identity);
            } catch (Scp81FormatException e) {
                assertThat(e.offset()).isBetween(0, identity.length());
            }
        }
    }

    @Test
    void decodeWhenValidTriggerMutatedThenTypedErrorOrStableValue() {
        Random random = new Random(0x5C81_1003L);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] mutated = mutate(random, randomTrigger(random).encode());
            if (!decodeOrTypedError(mutated)) {
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(CASES / 2);
    }

    @Test
    void decodeWhenValidIdentityMutatedThenTypedErrorOrStableValue() {
        Random random = new Random(0x5C81_1004L);
        for (int i = 0; i < CASES; i++) {
            byte[] mutated = mutate(random, randomIdentity(random).toTlvBytes());
            try {
                PskIdentity decoded = PskIdentity.decodeTlv(mutated);
                assertThat(decoded.toTlvBytes()).isEqualTo(mutated);
            } catch (Scp81FormatException e) {
                assertThat(e.offset()).isBetween(0, mutated.length);
            }
        }
    }

    /** Returns whether {@code input} decoded; fails the test on any exception but the typed one. */
    private static boolean decodeOrTypedError(byte[] input) {
        try {
            AdminSessionTrigger decoded = AdminSessionTrigger.decode(input);
            assertThat(AdminSessionTrigger.decode(decoded.encode())).isEqualTo(decoded);
            return true;
        } catch (Scp81FormatException e) {
            assertThat(e.offset()).isBetween(0, input.length);
            return false;
        }
    }

    private static AdminSessionTrigger randomTrigger(Random random) {
        byte[] ip = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(ip);
        InetAddress address;
        try {
            address = InetAddress.getByAddress(ip); // wraps the bytes, no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        byte[] bearerParameters = new byte[random.nextInt(3) == 0 ? random.nextInt(8) : 0];
        random.nextBytes(bearerParameters);
        ConnectionParameters connection = new ConnectionParameters(
                new BearerDescription(random.nextInt(256), bearerParameters),
                1 + random.nextInt(0xFFFF),
                random.nextBoolean() ? Optional.of(randomApn(random)) : Optional.empty(),
                1 + random.nextInt(0xFFFF),
                address);
        Optional<RetryPolicy> retry = random.nextBoolean()
                ? Optional.of(new RetryPolicy(random.nextInt(0x10000), Duration.ofSeconds(random.nextInt(360_000))))
                : Optional.empty();
        HttpPostParameters http = new HttpPostParameters(
                randomText(random),
                random.nextBoolean() ? Optional.of(randomText(random)) : Optional.empty(),
                "/" + randomText(random));
        return new AdminSessionTrigger(connection, randomIdentity(random), retry, http);
    }

    private static PskIdentity randomIdentity(Random random) {
        StringBuilder body = new StringBuilder(30);
        for (int i = 0; i < 30; i++) {
            body.append((char) ('0' + random.nextInt(10)));
        }
        return PskIdentity.ofIsdR(Eid.withCheckDigits(body.toString()), random.nextInt(256), random.nextInt(256));
    }

    private static String randomApn(Random random) {
        StringBuilder apn = new StringBuilder();
        int labels = 1 + random.nextInt(3);
        for (int l = 0; l < labels; l++) {
            if (l > 0) {
                apn.append('.');
            }
            int length = 1 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                apn.append(ALPHABET.charAt(random.nextInt(37))); // letters, digits, hyphen
            }
        }
        return apn.toString();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static byte[] mutate(Random random, byte[] bytes) {
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] out = bytes.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                byte[] out = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
                yield out;
            }
            default -> {
                byte[] out = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
                yield out;
            }
        };
    }
}

package io.openrsp.crypto.scp03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of the SCP03t card side over seeded {@link Random} streams (plain JUnit, reproducible by seed):
 * a mutated stream (one bit flipped anywhere, two TLVs swapped, one dropped, one duplicated, one truncated, one
 * replaced by random bytes) never yields a plaintext that the host did not send, always ends in a {@link
 * CryptoException} (from {@code accept} or {@code finish}) and never in any other exception, and leaves the session
 * dead; unmutated streams of random profiles from 0 to 64 KiB round-trip exactly.
 */
class Scp03tMutationTest {

    private static final int SEEDS_PER_MUTATION = 500;
    private static final Scp03KeySet KEYS = TestScp03Keys.pySim();

    enum Mutation {
        FLIP_BIT,
        SWAP_TWO,
        DROP_ONE,
        DUPLICATE_ONE,
        TRUNCATE_ONE,
        RANDOM_TLV
    }

    static Stream<Arguments> mutations() {
        return Stream.of(Mutation.values())
                .flatMap(m -> IntStream.range(0, SEEDS_PER_MUTATION).mapToObj(seed -> Arguments.of(m, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("mutations")
    void acceptWhenStreamMutatedThenRejectedWithoutForeignPlaintextAndSessionDead(Mutation mutation, int seed)
            throws CryptoException {
        var random = new Random(seed * 31L + mutation.ordinal());
        byte[] profile = new byte[random.nextInt(5 * Scp03tFormat.SEGMENT_SIZE)];
        random.nextBytes(profile);
        List<byte[]> original = Scp03tHost.create(KEYS, Scp03SequenceCounter.initial(), new SecureRandom())
                .protect(profile);
        List<byte[]> expectedPlaintexts = plaintexts(profile);
        List<byte[]> mutated = mutate(mutation, original, random);
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());

        CryptoException failure = null;
        try {
            for (int i = 0; i < mutated.size(); i++) {
                byte[] plaintext = card.accept(mutated.get(i));
                assertThat(i).as("accepted more TLVs than were sent").isLessThan(expectedPlaintexts.size());
                assertThat(plaintext).as("plaintext of TLV %d", i).isEqualTo(expectedPlaintexts.get(i));
            }
            card.finish();
        } catch (CryptoException e) {
            failure = e;
        }

        assertThat(failure).as("mutated stream accepted").isNotNull();
        assertThatThrownBy(() -> card.accept(original.get(0)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t session closed after a failure");
    }

    static IntStream profileSizes() {
        var random = new Random(2024);
        return IntStream.concat(
                IntStream.of(0, 1, 15, 16, 1023, 1024, 1025, 2048, 16 * 1024, 64 * 1024),
                IntStream.generate(() -> random.nextInt(64 * 1024 + 1)).limit(90));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("profileSizes")
    void acceptWhenRandomProfileStreamedThenRecoveredExactly(int size) throws CryptoException {
        byte[] profile = new byte[size];
        new Random(size).nextBytes(profile);
        var host = Scp03tHost.create(KEYS, Scp03SequenceCounter.initial(), new SecureRandom());
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());

        byte[] received = Scp03tTest.feed(card, host.protect(profile));
        card.finish();

        assertThat(received).isEqualTo(profile);
        byte[] response = Arrays.copyOf(profile, Math.min(size, 40));
        assertThat(host.verifyResponse(card.respond(response))).isEqualTo(response);
    }

    /** What the card must return for each TLV of the unmutated stream: nothing for 84 and 85, then segments. */
    private static List<byte[]> plaintexts(byte[] profile) {
        List<byte[]> plaintexts = new ArrayList<>();
        plaintexts.add(new byte[0]);
        plaintexts.add(new byte[0]);
        for (int offset = 0; offset < profile.length; offset += Scp03tFormat.SEGMENT_SIZE) {
            plaintexts.add(
                    Arrays.copyOfRange(profile, offset, Math.min(profile.length, offset + Scp03tFormat.SEGMENT_SIZE)));
        }
        return plaintexts;
    }

    private static List<byte[]> mutate(Mutation mutation, List<byte[]> original, Random random) {
        List<byte[]> stream =
                new ArrayList<>(original.stream().map(byte[]::clone).toList());
        int index = random.nextInt(stream.size());
        switch (mutation) {
            case FLIP_BIT -> {
                byte[] tlv = stream.get(index);
                tlv[random.nextInt(tlv.length)] ^= (byte) (1 << random.nextInt(8));
            }
            case SWAP_TWO -> {
                int other = (index + 1 + random.nextInt(stream.size() - 1)) % stream.size();
                byte[] first = stream.get(index);
                stream.set(index, stream.get(other));
                stream.set(other, first);
            }
            case DROP_ONE -> stream.remove(index);
            case DUPLICATE_ONE -> stream.add(index + 1 + random.nextInt(stream.size() - index), stream.get(index));
            case TRUNCATE_ONE -> {
                byte[] tlv = stream.get(index);
                stream.set(index, Arrays.copyOf(tlv, random.nextInt(tlv.length)));
            }
            case RANDOM_TLV -> {
                byte[] garbage = new byte[random.nextInt(1100)];
                random.nextBytes(garbage);
                if (garbage.length > 0 && random.nextBoolean()) {
                    garbage[0] = stream.get(index)[0]; // the expected tag, so the checks behind it are reached
                }
                stream.set(index, garbage);
            }
        }
        return stream;
    }
}

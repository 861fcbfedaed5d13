package io.openrsp.rsp.saip;

import static io.openrsp.rsp.saip.TestProfiles.HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of the decoder over seeded random inputs (each case named by its mutation and seed, so a failure
 * replays exactly): random bytes and valid packages with bits flipped, bytes overwritten, inserted or deleted,
 * truncated, or followed by random bytes. Whatever the input, the decoder either throws
 * {@link ProfilePackageException} with an offset inside the input, or returns a profile that
 *
 * <ul>
 *   <li>re-encodes and decodes to itself (the known part is consistent), and
 *   <li>has the original Ki and OPc unless the mutation touched the AKA parameter element.
 * </ul>
 *
 * <p>A second property inserts random well-formed elements with unknown tags: they are always kept, in order,
 * and nothing else changes. Written with JUnit and {@link Random} rather than a property-testing library.
 */
class ProfilePackageMutationTest {

    private static final int CASES_PER_MUTATION = 800;

    /** Two valid packages: the plain one and one with unknown elements around the known ones. */
    private static final List<String> BASES = List.of(
            TestProfiles.join(
                    TestProfiles.header(),
                    TestProfiles.mf(),
                    TestProfiles.usim(),
                    TestProfiles.aka(),
                    TestProfiles.end(4)),
            TestProfiles.join(
                    TestProfiles.header(),
                    TestProfiles.CD,
                    TestProfiles.mf(),
                    TestProfiles.TELECOM,
                    TestProfiles.usim(),
                    TestProfiles.aka(),
                    TestProfiles.FUTURE,
                    TestProfiles.PRIMITIVE,
                    TestProfiles.end(8)));

    enum Mutation {
        BIT_FLIP,
        OVERWRITE,
        INSERT,
        DELETE,
        TRUNCATE,
        RANDOM_TAIL,
        RANDOM_BYTES
    }

    /** The mutated input and the range of original bytes it changed. */
    private record Mutated(byte[] input, int touchedFrom, int touchedTo) {}

    static Stream<Arguments> mutations() {
        return Arrays.stream(Mutation.values())
                .flatMap(m -> IntStream.range(0, CASES_PER_MUTATION).mapToObj(seed -> Arguments.of(m, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("mutations")
    void decodeWhenMutatedThenTypedFailureOrConsistentProfile(Mutation mutation, int seed) {
        Random random = new Random(31L * mutation.ordinal() + seed);
        String base = BASES.get(random.nextInt(BASES.size()));
        byte[] original = HEX.parseHex(base);
        int akaFrom = base.indexOf(TestProfiles.aka()) / 2;
        int akaTo = akaFrom + TestProfiles.aka().length() / 2;
        Mutated mutated = mutate(mutation, original, random);

        ProfilePackage decoded;
        try {
            decoded = ProfilePackageDecoder.decode(mutated.input());
        } catch (ProfilePackageException e) {
            assertThat(e.offset()).isBetween(0, mutated.input().length);
            e.elementIndex().ifPresent(i -> assertThat(i).isNotNegative());
            assertThat(e.toEuiccResponse().profileInstallationAborted()).isTrue();
            return;
        }
        if (mutation == Mutation.TRUNCATE) {
            fail("a truncated package lost its end element but was accepted");
        }
        assertThat(ProfilePackageDecoder.decode(ProfilePackageEncoder.encode(decoded)))
                .isEqualTo(decoded);
        boolean akaTouched = mutated.touchedFrom() < akaTo && mutated.touchedTo() > akaFrom;
        if (!akaTouched) {
            assertThat(HEX.formatHex(decoded.ki())).isEqualTo(TestProfiles.KI);
            assertThat(HEX.formatHex(decoded.opc())).isEqualTo(TestProfiles.OPC);
        }
    }

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 500).mapToObj(Arguments::of);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decodeWhenRandomUnknownElementsInsertedThenKeptAndProfileUnchanged(int seed) {
        Random random = new Random(seed);
        List<String> known = List.of(TestProfiles.mf(), TestProfiles.usim(), TestProfiles.aka());
        // slot s holds the unknown elements placed before known element s (slot 3: after the last one)
        List<List<String>> slots = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            slots.get(random.nextInt(slots.size())).add(unknownElement(random));
        }
        StringBuilder input = new StringBuilder(TestProfiles.header());
        List<String> expected = new ArrayList<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            slots.get(slot).forEach(input::append);
            expected.addAll(slots.get(slot));
            if (slot < known.size()) {
                input.append(known.get(slot));
            }
        }
        input.append(TestProfiles.end(99));

        ProfilePackage decoded = ProfilePackageDecoder.decode(HEX.parseHex(input.toString()));

        assertThat(decoded.otherElements())
                .extracting(e -> HEX.formatHex(e.encoded()))
                .containsExactlyElementsOf(expected);
        assertThat(decoded.withOtherElements(List.of())).isEqualTo(TestProfiles.profile());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decodeWhenTruncatedAnywhereThenRejected(int seed) {
        byte[] original = HEX.parseHex(BASES.get(seed % BASES.size()));
        byte[] truncated = Arrays.copyOf(original, new Random(seed).nextInt(original.length));

        assertThatThrownBy(() -> ProfilePackageDecoder.decode(truncated)).isInstanceOf(ProfilePackageException.class);
    }

    private static Mutated mutate(Mutation mutation, byte[] original, Random random) {
        int n = original.length;
        switch (mutation) {
            case BIT_FLIP -> {
                byte[] out = original.clone();
                int flips = 1 + random.nextInt(3);
                int from = n;
                int to = 0;
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(n);
                    out[at] ^= (byte) (1 << random.nextInt(8));
                    from = Math.min(from, at);
                    to = Math.max(to, at + 1);
                }
                return new Mutated(out, from, to);
            }
            case OVERWRITE -> {
                byte[] out = original.clone();
                int at = random.nextInt(n);
                int length = Math.min(1 + random.nextInt(4), n - at);
                for (int i = 0; i < length; i++) {
                    out[at + i] = (byte) random.nextInt(256);
                }
                return new Mutated(out, at, at + length);
            }
            case INSERT -> {
                int at = random.nextInt(n + 1);
                byte[] inserted = randomBytes(random, 1 + random.nextInt(8));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(original, 0, at);
                out.writeBytes(inserted);
                out.write(original, at, n - at);
                return new Mutated(out.toByteArray(), at, at + 1); // everything from here on has moved
            }
            case DELETE -> {
                int at = random.nextInt(n);
                int length = Math.min(1 + random.nextInt(8), n - at);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(original, 0, at);
                out.write(original, at + length, n - at - length);
                return new Mutated(out.toByteArray(), at, at + length);
            }
            case TRUNCATE -> {
                int length = random.nextInt(n);
                return new Mutated(Arrays.copyOf(original, length), length, n);
            }
            case RANDOM_TAIL -> {
                int keep = random.nextInt(n);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(original, 0, keep);
                out.writeBytes(randomBytes(random, random.nextInt(64)));
                return new Mutated(out.toByteArray(), keep, n);
            }
            case RANDOM_BYTES -> {
                return new Mutated(randomBytes(random, random.nextInt(300)), 0, n);
            }
            default -> throw new IllegalStateException(mutation.name());
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A well-formed element with a context tag this platform does not install, and random DER inside. */
    private static String unknownElement(Random random) {
        Set<Integer> installed = Set.of(0, 4, 10, 16, 19); // header, akaParameter, end, mf, usim
        int tag;
        do {
            tag = random.nextInt(200);
        } while (installed.contains(tag));
        String tagHex;
        if (tag < 31) {
            tagHex = String.format("%02X", 0xA0 | tag);
        } else if (tag < 128) {
            tagHex = String.format("BF%02X", tag);
        } else {
            tagHex = String.format("BF%02X%02X", 0x80 | (tag >>> 7), tag & 0x7F);
        }
        StringBuilder contents = new StringBuilder();
        int children = random.nextInt(4);
        for (int i = 0; i < children; i++) {
            contents.append(randomValue(random, 0));
        }
        return TestProfiles.tlv(tagHex, contents.toString());
    }

    private static String randomValue(Random random, int depth) {
        if (depth < 3 && random.nextBoolean()) {
            StringBuilder children = new StringBuilder();
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                children.append(randomValue(random, depth + 1));
            }
            return TestProfiles.tlv(String.format("%02X", 0xA0 | random.nextInt(31)), children.toString());
        }
        return TestProfiles.tlv(
                String.format("%02X", 0x80 | random.nextInt(31)),
                HEX.formatHex(randomBytes(random, random.nextInt(20))));
    }
}

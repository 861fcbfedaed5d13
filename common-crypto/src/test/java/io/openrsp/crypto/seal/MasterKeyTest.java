package io.openrsp.crypto.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import io.openrsp.crypto.kdf.OneStepKdf;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and parsing of {@link MasterKey}: settings order, error messages without the value, derivation. */
class MasterKeyTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER_KEY = "HxwdHhscGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
    private static final String PURPOSE = "openrsp/test/v1";

    @TempDir
    Path dir;

    @Test
    void deriveDataKeyWhenSameKeyAndPurposeThenOneStepKdfHmacSha256OfThePurpose() {
        byte[] expected = OneStepKdf.hmacSha256()
                .derive(
                        SecretBytes.copyOf(Base64.getDecoder().decode(KEY)),
                        PURPOSE.getBytes(StandardCharsets.UTF_8),
                        32)
                .toByteArray(SecretKeyAccess.get());

        byte[] derived = MasterKey.fromBase64(KEY, "test")
                .deriveDataKey(PURPOSE)
                .secret()
                .toByteArray(SecretKeyAccess.get());

        assertThat(derived).isEqualTo(expected).hasSize(32);
    }

    @Test
    void deriveDataKeyWhenOtherPurposeThenOtherKey() {
        MasterKey key = MasterKey.fromBase64(KEY, "test");

        byte[] a = key.deriveDataKey("openrsp/a/v1").secret().toByteArray(SecretKeyAccess.get());
        byte[] b = key.deriveDataKey("openrsp/b/v1").secret().toByteArray(SecretKeyAccess.get());

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void fromBase64WhenNotBase64ThenSettingNamedAndValueNotShown() {
        assertThatThrownBy(() -> MasterKey.fromBase64("not*base64!", "SOME_SETTING"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SOME_SETTING is not valid base64");
    }

    @Test
    void fromBase64WhenWrongLengthThenSettingNamedAndValueNotShown() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.fromBase64(sixteen, "SOME_SETTING"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SOME_SETTING must hold 32 bytes (base64)")
                .message()
                .doesNotContain(sixteen);
    }

    @Test
    void loadWhenEnvironmentSetThenItWinsOverTheFiles() throws Exception {
        Path file = write("named", OTHER_KEY);
        Path defaultFile = write("default", OTHER_KEY);

        MasterKey key =
                MasterKey.load(settings(Map.of(MasterKey.ENV, KEY, MasterKey.FILE_ENV, file.toString())), defaultFile);

        assertSameKey(key, MasterKey.fromBase64(KEY, "test"));
    }

    @Test
    void loadWhenFileSettingThenItWinsOverTheDefaultFile() throws Exception {
        Path file = write("named", KEY + "\n");
        Path defaultFile = write("default", OTHER_KEY);

        MasterKey key = MasterKey.load(settings(Map.of(MasterKey.FILE_ENV, file.toString())), defaultFile);

        assertSameKey(key, MasterKey.fromBase64(KEY, "test"));
    }

    @Test
    void loadWhenOnlyDefaultFileExistsThenDefaultFile() throws Exception {
        Path defaultFile = write("default", KEY);

        MasterKey key = MasterKey.load(settings(Map.of(MasterKey.ENV, "  ")), defaultFile);

        assertSameKey(key, MasterKey.fromBase64(KEY, "test"));
    }

    @Test
    void loadWhenNothingSetAndNoDefaultFileThenIllegalStateNamingTheSettings() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> MasterKey.load(settings(Map.of()), missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MasterKey.ENV)
                .hasMessageContaining(MasterKey.FILE_ENV)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> MasterKey.load(settings(Map.of()), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MasterKey.ENV);
    }

    @Test
    void loadWhenNamedFileMissingThenIllegalStateNamingTheSetting() {
        String missing = dir.resolve("missing").toString();

        assertThatThrownBy(() -> MasterKey.load(settings(Map.of(MasterKey.FILE_ENV, missing)), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(MasterKey.FILE_ENV + ": cannot read");
    }

    @Test
    void loadWhenEnvironmentMalformedThenEnvironmentNamedAndValueNotShown() {
        String bad = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> MasterKey.load(settings(Map.of(MasterKey.ENV, bad)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(MasterKey.ENV + " must hold 32 bytes (base64)");
    }

    @Test
    void toStringWhenPrintedThenRedacted() {
        assertThat(MasterKey.fromBase64(KEY, "test").toString())
                .isEqualTo("MasterKey[redacted]")
                .doesNotContain(KEY);
    }

    @Test
    void generateWhenCalledTwiceThenDifferentKeys() {
        MasterKey a = MasterKey.generate(TestRandoms.seeded(1));
        MasterKey b = MasterKey.generate(TestRandoms.seeded(2));

        assertThat(a.deriveDataKey(PURPOSE).secret().toByteArray(SecretKeyAccess.get()))
                .isNotEqualTo(b.deriveDataKey(PURPOSE).secret().toByteArray(SecretKeyAccess.get()));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private static UnaryOperator<String> settings(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>(values);
        return copy::get;
    }

    private static void assertSameKey(MasterKey actual, MasterKey expected) {
        assertThat(actual.deriveDataKey(PURPOSE)
                        .secret()
                        .equalsConstantTime(expected.deriveDataKey(PURPOSE).secret()))
                .isTrue();
    }
}

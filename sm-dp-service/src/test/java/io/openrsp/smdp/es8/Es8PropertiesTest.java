package io.openrsp.smdp.es8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Es8PropertiesTest {

    @Test
    void constructorWhenNothingSetThenPkiDirectoryDefaults() {
        var properties = new Es8Properties(null, null, null, null, null);

        assertThat(properties.certificate()).isEqualTo(Path.of("./pki/sm-dp.crt"));
        assertThat(properties.privateKey()).isEqualTo(Path.of("./pki/sm-dp.key"));
        assertThat(properties.ciCertificate()).isEqualTo(Path.of("./pki/ci.crt"));
        assertThat(properties.eumCertificates()).containsExactly(Path.of("./pki/eum.crt"));
        assertThat(properties.hostIdOr("SM-DP-1")).isEqualTo("SM-DP-1");
    }

    @Test
    void hostIdOrWhenHostIdSetThenItWinsOverTheEs3Id() {
        var properties = new Es8Properties(null, null, null, List.of(), "DP-HOST");

        assertThat(properties.hostIdOr("SM-DP-1")).isEqualTo("DP-HOST");
        assertThat(properties.eumCertificates()).isEmpty();
    }

    @Test
    void constructorWhenHostIdLongerThan16ThenRefusedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Es8Properties(null, null, null, null, "SM-DP-01234567890"))
                .withMessageStartingWith("openrsp.smdp.es8.host-id must be 1 to 16");
    }

    @Test
    void constructorWhenHostIdNotPrintableAsciiThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Es8Properties(null, null, null, null, "SM-DP-é"))
                .withMessageStartingWith("openrsp.smdp.es8.host-id");
    }

    @Test
    void hostIdOrWhenEs3IdTooLongForEs8ThenRefusedNamingBothSettings() {
        var properties = new Es8Properties(null, null, null, null, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties.hostIdOr("an-SM-DP-id-of-30-characters!"))
                .withMessageContaining("openrsp.smdp.es8.host-id")
                .withMessageContaining("openrsp.smdp.es3.id");
    }
}

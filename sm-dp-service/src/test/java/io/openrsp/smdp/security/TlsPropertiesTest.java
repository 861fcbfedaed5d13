package io.openrsp.smdp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPropertiesTest {

    @TempDir
    Path pki;

    @Test
    void constructorWhenAllFilesReadableThenKeepsPaths() throws Exception {
        Path certificate = Files.writeString(pki.resolve("service.crt"), "c");
        Path key = Files.writeString(pki.resolve("service.key"), "k");
        Path trust = Files.writeString(pki.resolve("trust-bundle.pem"), "t");

        assertThat(new TlsProperties(certificate, key, trust).privateKey()).isEqualTo(key);
    }

    @Test
    void constructorWhenPrivateKeyMissingThenNamesPropertyAndFile() throws Exception {
        Path certificate = Files.writeString(pki.resolve("service.crt"), "c");
        Path trust = Files.writeString(pki.resolve("trust-bundle.pem"), "t");
        Path missing = pki.resolve("service.key");

        assertThatThrownBy(() -> new TlsProperties(certificate, missing, trust))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openrsp.tls.private-key: cannot read " + missing.toAbsolutePath());
    }

    @Test
    void constructorWhenTrustBundleNotSetThenNamesProperty() throws Exception {
        Path certificate = Files.writeString(pki.resolve("service.crt"), "c");
        Path key = Files.writeString(pki.resolve("service.key"), "k");

        assertThatThrownBy(() -> new TlsProperties(certificate, key, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("openrsp.tls.trust-bundle is not set");
    }
}

package io.openrsp.smsr.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DESIGN.md §2 and §9: where this service's TLS identity and the CI trust bundle live, as PEM files (the layout
 * {@code rsp pki init} writes). {@code application.yml} feeds these paths into the {@code server} PEM SSL bundle
 * ({@code spring.ssl.bundle.pem.server}, reload-on-update), so a renewed certificate is served without a
 * restart; this record is the one place the locations are set and checked.
 *
 * <p>Validated at start-up: a missing or unreadable file fails start-up with the property and path.
 *
 * @param certificate {@code openrsp.tls.certificate}: this service's certificate (PEM)
 * @param privateKey {@code openrsp.tls.private-key}: its unencrypted PKCS#8 key (PEM)
 * @param trustBundle {@code openrsp.tls.trust-bundle}: the CI certificate; client certificates must chain to it
 */
@ConfigurationProperties("openrsp.tls")
public record TlsProperties(Path certificate, Path privateKey, Path trustBundle) {

    public TlsProperties {
        requireReadable("openrsp.tls.certificate", certificate);
        requireReadable("openrsp.tls.private-key", privateKey);
        requireReadable("openrsp.tls.trust-bundle", trustBundle);
    }

    private static void requireReadable(String property, Path path) {
        Objects.requireNonNull(path, property + " is not set");
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(property + ": cannot read " + path.toAbsolutePath());
        }
    }
}

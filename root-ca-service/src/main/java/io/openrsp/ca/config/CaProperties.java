package io.openrsp.ca.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §8: the root CA's settings ({@code openrsp.ca.*}), validated at start-up. Holds no secret: the
 * master key itself comes from the environment ({@code OPENRSP_MASTER_KEY}) or from the file named here.
 *
 * @param ciSubject subject of a CI created on first start
 * @param ciValidity validity of a CI created on first start (the CI profile allows at most 20 years)
 * @param crlUrl the fixed URL of the CRL, written into every issued certificate's cRLDistributionPoints
 * @param crlValidity thisUpdate to nextUpdate of each CRL
 * @param crlRenewBefore the scheduler renews the CRL this long before its nextUpdate
 * @param tokenValidity default lifetime of a one-time enrollment token
 * @param masterKeyFile file holding the base64 master key ({@code OPENRSP_MASTER_KEY_FILE}), if not in the env
 * @param importCertificate PEM CI certificate imported on first start (e.g. {@code rsp pki init}'s ci.crt)
 * @param importKey PEM CI private key imported with it (ci.key)
 */
@ConfigurationProperties("openrsp.ca")
public record CaProperties(
        @DefaultValue("CN=OpenRSP CI,O=OpenRSP") String ciSubject,
        @DefaultValue("7300d") Duration ciValidity,
        @DefaultValue("https://127.0.0.1:8440/crl") URI crlUrl,
        @DefaultValue("7d") Duration crlValidity,
        @DefaultValue("1d") Duration crlRenewBefore,
        @DefaultValue("24h") Duration tokenValidity,
        @Nullable Path masterKeyFile,
        @Nullable Path importCertificate,
        @Nullable Path importKey) {

    public CaProperties {
        requirePositive("openrsp.ca.ci-validity", ciValidity);
        requirePositive("openrsp.ca.crl-validity", crlValidity);
        requirePositive("openrsp.ca.token-validity", tokenValidity);
        if (crlRenewBefore.isNegative() || crlRenewBefore.compareTo(crlValidity) >= 0) {
            throw new IllegalArgumentException("openrsp.ca.crl-renew-before must be >= 0 and < crl-validity");
        }
        if (!crlUrl.isAbsolute()) {
            throw new IllegalArgumentException("openrsp.ca.crl-url must be an absolute URL");
        }
        try {
            new X500Principal(ciSubject);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("openrsp.ca.ci-subject is not an X.500 name", e);
        }
        if ((importCertificate == null) != (importKey == null)) {
            throw new IllegalArgumentException(
                    "openrsp.ca.import-certificate and openrsp.ca.import-key must be set together");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

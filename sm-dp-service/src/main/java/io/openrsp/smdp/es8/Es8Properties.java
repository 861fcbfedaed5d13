package io.openrsp.smdp.es8;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DESIGN.md §2 and §4 steps 3-4: what the SM-DP needs for ES8 ({@code openrsp.smdp.es8.*}), validated at start-up.
 * Holds no secret, only file locations; the files are read on first use ({@link Es8Credentials}), so a context
 * without {@code ./pki} still starts and a missing file fails the ES8 step that needs it, naming its setting.
 *
 * @param certificate CERT.DP.ECDSA, PEM (default {@code ./pki/sm-dp.crt}: the TLS certificate, as
 *     {@code rsp pki init} issues one SM-DP certificate for both)
 * @param privateKey its private key, PEM PKCS#8 (default {@code ./pki/sm-dp.key})
 * @param ciCertificate the CI root the EUM and ECASD certificates chain to, PEM (default {@code ./pki/ci.crt})
 * @param eumCertificates the EUM CA certificates, PEM, one per file, named by their CN as the EIS's {@code eumId}
 *     (default {@code ./pki/eum.crt})
 * @param hostId the host id in the key establishment's CRT and SharedInfo, 1..16 printable ASCII characters
 *     (default: {@code openrsp.smdp.es3.id}, this SM-DP's requester id)
 */
@ConfigurationProperties("openrsp.smdp.es8")
public record Es8Properties(
        Path certificate,
        Path privateKey,
        Path ciCertificate,
        List<Path> eumCertificates,
        @Nullable String hostId) {

    /** The longest host id: the CRT's {@code 84} and SharedInfo carry it with a one-byte length, 16 by choice. */
    public static final int MAX_HOST_ID = 16;

    public Es8Properties {
        certificate = certificate == null ? Path.of("./pki/sm-dp.crt") : certificate;
        privateKey = privateKey == null ? Path.of("./pki/sm-dp.key") : privateKey;
        ciCertificate = ciCertificate == null ? Path.of("./pki/ci.crt") : ciCertificate;
        eumCertificates = eumCertificates == null ? List.of(Path.of("./pki/eum.crt")) : List.copyOf(eumCertificates);
        if (hostId != null) {
            requireHostId("openrsp.smdp.es8.host-id", hostId);
        }
    }

    /**
     * The host id to use: {@link #hostId()} if set, else {@code fallback} (the SM-DP's ES3 id).
     *
     * @throws IllegalArgumentException naming the settings if the result is not 1..16 printable ASCII characters
     */
    public String hostIdOr(String fallback) {
        if (hostId != null) {
            return hostId;
        }
        requireHostId("openrsp.smdp.es8.host-id (defaulting to openrsp.smdp.es3.id)", fallback);
        return fallback;
    }

    private static void requireHostId(String setting, @Nullable String value) {
        if (value == null || !value.matches("[\\x20-\\x7E]{1," + MAX_HOST_ID + "}")) {
            throw new IllegalArgumentException(
                    setting + " must be 1 to " + MAX_HOST_ID + " printable ASCII characters");
        }
    }
}

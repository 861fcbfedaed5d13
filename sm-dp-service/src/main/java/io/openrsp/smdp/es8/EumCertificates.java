package io.openrsp.smdp.es8;

import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * GSMA SGP.02 v4.2 §2.3 (certificate hierarchy): the EUMs whose eUICCs this SM-DP accepts, by {@code eumId} = the CN
 * of their EUM certificate (e.g. {@code EUM-1}), read from {@code openrsp.smdp.es8.eum-certificates}. Each must be an
 * EUM CA certificate issued by the CI. The same rules as the SM-SR's ES1 (services share no code, only the wire).
 *
 * <p>Deviation: the EUM certificates are configured, not learnt from the CI or the EIS; a renewed EUM certificate
 * takes effect when the SM-DP restarts.
 */
final class EumCertificates {

    private static final String SETTING = "openrsp.smdp.es8.eum-certificates";

    private final Map<String, X509Certificate> byEumId;

    private EumCertificates(Map<String, X509Certificate> byEumId) {
        this.byEumId = Map.copyOf(byEumId);
    }

    /**
     * Reads and validates {@code files}.
     *
     * @throws IllegalStateException naming the setting and the file that is missing, malformed or not an EUM
     *     certificate issued by the CI, or two files with the same CN
     */
    static EumCertificates load(List<Path> files, CertificatePaths paths) {
        Map<String, X509Certificate> byEumId = new LinkedHashMap<>();
        for (Path file : files) {
            X509Certificate certificate;
            try {
                certificate = Pem.readCertificate(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IOException | PkiException e) {
                throw new IllegalStateException(
                        SETTING + ": cannot read an EUM certificate from " + file.toAbsolutePath(), e);
            }
            try {
                paths.validate(List.of(certificate), CertificateProfile.EUM);
            } catch (PkiException e) {
                throw new IllegalStateException(
                        SETTING + ": " + file.toAbsolutePath() + " is not an EUM certificate issued by the CI ("
                                + e.reason() + ")",
                        e);
            }
            String eumId = commonName(certificate)
                    .orElseThrow(() -> new IllegalStateException(
                            SETTING + ": " + file.toAbsolutePath() + " has no CN to name the EUM"));
            if (byEumId.putIfAbsent(eumId, certificate) != null) {
                throw new IllegalStateException(SETTING + ": two certificates name the EUM " + eumId);
            }
        }
        return new EumCertificates(byEumId);
    }

    /** The EUM certificate of {@code eumId}, if configured. */
    Optional<X509Certificate> certificate(String eumId) {
        return Optional.ofNullable(byEumId.get(eumId));
    }

    static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}

package io.openrsp.smsr.es1;

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
 * GSMA SGP.02 v4.2 §2.3 (certificate hierarchy) and §5.2.1: the EUMs this SM-SR accepts registrations from, by
 * {@code eumId} = the CN of their EUM certificate (e.g. {@code EUM-1}). Loaded once at start-up from
 * {@code openrsp.smsr.eum-certificates}; a missing, unreadable or untrusted file (not an EUM CA certificate issued by
 * the CI) fails start-up with its name.
 *
 * <p>Deviation: the EUM certificates are configured, not learnt from the CI; a renewed EUM certificate needs a
 * restart.
 */
public final class EumCertificates {

    private final Map<String, X509Certificate> byEumId;

    private EumCertificates(Map<String, X509Certificate> byEumId) {
        this.byEumId = Map.copyOf(byEumId);
    }

    /**
     * Reads and validates {@code files}.
     *
     * @throws IllegalStateException naming the file that is missing, malformed or does not chain to the CI, or two
     *     files with the same CN
     */
    public static EumCertificates load(List<Path> files, CertificatePaths paths) {
        Map<String, X509Certificate> byEumId = new LinkedHashMap<>();
        for (Path file : files) {
            X509Certificate certificate;
            try {
                certificate = Pem.readCertificate(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IOException | PkiException e) {
                throw new IllegalStateException(
                        "openrsp.smsr.eum-certificates: cannot read an EUM certificate from " + file.toAbsolutePath(),
                        e);
            }
            try {
                paths.validate(List.of(certificate), CertificateProfile.EUM);
            } catch (PkiException e) {
                throw new IllegalStateException(
                        "openrsp.smsr.eum-certificates: " + file.toAbsolutePath() + " is not an EUM certificate"
                                + " issued by the CI (" + e.reason() + ")",
                        e);
            }
            String eumId = commonName(certificate)
                    .orElseThrow(() -> new IllegalStateException(
                            "openrsp.smsr.eum-certificates: " + file.toAbsolutePath() + " has no CN to name the EUM"));
            if (byEumId.putIfAbsent(eumId, certificate) != null) {
                throw new IllegalStateException(
                        "openrsp.smsr.eum-certificates: two certificates name the EUM " + eumId);
            }
        }
        return new EumCertificates(byEumId);
    }

    /** The EUM certificate of {@code eumId}, if configured. */
    public Optional<X509Certificate> certificate(String eumId) {
        return Optional.ofNullable(byEumId.get(eumId));
    }

    public int size() {
        return byEumId.size();
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

package io.openrsp.smsr.es1;

import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.smsr.SmSrProperties;
import io.openrsp.smsr.security.TlsProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GSMA SGP.02 v4.2 §2.3: the CI (the self-signed CA certificate in {@code openrsp.tls.trust-bundle}) as the anchor for
 * the EUM and ECASD certificates ES1 receives, and the configured EUM certificates, both checked at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class Es1Configuration {

    @Bean
    CertificatePaths certificatePaths(TlsProperties tls, Clock clock) throws IOException, PkiException {
        String bundle = Files.readString(tls.trustBundle(), StandardCharsets.US_ASCII);
        for (X509Certificate certificate : Pem.readCertificates(bundle)) {
            if (certificate.getBasicConstraints() >= 0
                    && certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return CertificatePaths.trusting(certificate, clock);
            }
        }
        throw new IllegalStateException(
                "openrsp.tls.trust-bundle: no self-signed CI certificate in " + tls.trustBundle());
    }

    @Bean
    EumCertificates eumCertificates(SmSrProperties properties, CertificatePaths paths) {
        return EumCertificates.load(properties.eumCertificates(), paths);
    }
}

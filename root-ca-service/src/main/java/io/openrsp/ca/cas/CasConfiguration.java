package io.openrsp.ca.cas;

import io.openrsp.ca.config.CaProperties;
import io.openrsp.ca.store.CaKeyStore;
import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateIssuer;
import io.openrsp.crypto.pki.CrlBuilder;
import io.openrsp.crypto.pki.EnrollmentPolicy;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.pki.RoleMapper;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the signing side (step-ca's {@code cas}): the CI, its issuer, CRL builder and enrollment policy. */
@Configuration(proxyBeanMethods = false)
public class CasConfiguration {

    @Bean
    CertificateAuthority certificateAuthority(
            CaKeyStore store, CaProperties properties, Environment environment, Clock clock, SecureRandom random)
            throws GeneralSecurityException {
        var sealer = new CaKeySealer(MasterKeyLoader.load(environment, properties), random);
        return new CaKeyLoader(store, sealer, properties, clock, random).load();
    }

    @Bean
    CertificateIssuer certificateIssuer(CertificateAuthority authority, CaProperties properties) {
        return CertificateIssuer.of(authority, properties.crlUrl());
    }

    @Bean
    CrlBuilder crlBuilder(CertificateAuthority authority) {
        return CrlBuilder.of(authority);
    }

    @Bean
    EnrollmentPolicy enrollmentPolicy(CertificateAuthority authority, Clock clock) throws PkiException {
        return new EnrollmentPolicy(RoleMapper.trusting(authority.certificate()), clock);
    }
}

package io.openrsp.ca.config;

import io.openrsp.crypto.pki.CsrValidator;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** STYLE.md rule 11: time and randomness are beans, so tests can fix them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaProperties.class)
@EnableScheduling
public class CaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    SecureRandom secureRandom() {
        // The platform default (NativePRNG / DRBG) is a non-blocking CSPRNG; getInstanceStrong() may block.
        return new SecureRandom();
    }

    @Bean
    CsrValidator csrValidator() {
        return new CsrValidator();
    }
}

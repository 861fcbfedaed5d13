package io.openrsp.smsr.eis;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.smsr.SmSrProperties;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * STYLE.md rules 10 and 11: the SM-SR's settings, time and randomness as beans, and the master key (DESIGN.md §9:
 * secrets sealed at rest) from {@code OPENRSP_MASTER_KEY}, {@code OPENRSP_MASTER_KEY_FILE} or
 * {@code openrsp.smsr.master-key-file}; a missing key fails start-up naming those settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmSrProperties.class)
public class EisConfiguration {

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
    MasterKey masterKey(Environment environment, SmSrProperties properties) {
        return MasterKey.load(environment::getProperty, properties.masterKeyFile());
    }

    @Bean
    CardKeyVault cardKeyVault(MasterKey masterKey, SecureRandom random) {
        return new CardKeyVault(masterKey, random);
    }

    @Bean
    CardCredentialsService cardCredentials(
            EuiccStore euiccs, CardKeyVault vault, TransactionTemplate tx, SmSrProperties properties) {
        return new CardCredentialsService(
                euiccs, vault, tx, Caffeine.newBuilder().maximumSize(properties.credentialCacheSize()));
    }
}

package io.openrsp.euicc.card;

import io.openrsp.crypto.seal.MasterKey;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * STYLE.md rule 11 and DESIGN.md §9: time and randomness as beans (tests can fix them), and the card store's sealing
 * keys from the master key ({@code OPENRSP_MASTER_KEY}, {@code OPENRSP_MASTER_KEY_FILE}, or
 * {@code openrsp.cards.master-key-file}); a missing key fails start-up naming those settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CardProperties.class)
class CardConfiguration {

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
    CardSecrets cardSecrets(Environment environment, CardProperties properties, SecureRandom random) {
        MasterKey masterKey = MasterKey.load(environment::getProperty, properties.masterKeyFile());
        return new CardSecrets(masterKey, random, properties.keyCacheSize());
    }
}

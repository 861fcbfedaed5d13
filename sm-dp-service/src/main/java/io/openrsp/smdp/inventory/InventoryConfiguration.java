package io.openrsp.smdp.inventory;

import io.openrsp.crypto.seal.MasterKey;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * STYLE.md rules 10 and 11: the inventory's settings, time and randomness as beans, and the master key (DESIGN.md
 * §9: secrets sealed at rest) from {@code OPENRSP_MASTER_KEY}, {@code OPENRSP_MASTER_KEY_FILE} or
 * {@code openrsp.smdp.inventory.master-key-file}; a missing key fails start-up naming those settings. Clock, random
 * and master key yield to beans defined elsewhere (tests, later SM-DP packages that share them).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryConfiguration {

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
    @ConditionalOnMissingBean
    MasterKey masterKey(Environment environment, InventoryProperties properties) {
        return MasterKey.load(environment::getProperty, properties.masterKeyFile());
    }

    @Bean
    ProfilePackageSealer profilePackageSealer(MasterKey masterKey, SecureRandom random) {
        return new ProfilePackageSealer(masterKey, random);
    }

    @Bean
    DemoProfileGenerator demoProfileGenerator(InventoryProperties properties, SecureRandom random) {
        return new DemoProfileGenerator(properties, random);
    }
}

package io.openrsp.euicc.card;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §7 and §10: the card store's settings ({@code openrsp.cards.*}), validated at start-up. Holds no secret:
 * the master key that seals the cards' keys comes from {@code OPENRSP_MASTER_KEY}, {@code OPENRSP_MASTER_KEY_FILE},
 * or {@link #masterKeyFile()}.
 *
 * @param defaultMemoryBytes memory a new card offers to ISD-Ps when the factory does not say (512 KiB)
 * @param masterKeyFile the base64 master key file used when neither environment setting is given
 * @param keyCacheSize how many cards' unsealed key sets stay in memory (LRU); the rest stay sealed in the database,
 *     which is what lets one simulator hold 100,000 cards in a small heap
 * @param ciCertificate the CI certificate (PEM) the cards' ISD-Ps verify CERT.DP.ECDSA against in the ES8 key
 *     establishment; read when the first ES8 command needs it, so a simulator without a PKI still starts
 */
@ConfigurationProperties("openrsp.cards")
public record CardProperties(
        @DefaultValue("524288") long defaultMemoryBytes,
        @DefaultValue("./pki/master.key") Path masterKeyFile,
        @DefaultValue("10000") int keyCacheSize,
        @DefaultValue("./pki/ci.crt") Path ciCertificate) {

    public CardProperties {
        if (defaultMemoryBytes <= 0) {
            throw new IllegalArgumentException("openrsp.cards.default-memory-bytes must be positive");
        }
        if (masterKeyFile == null) {
            throw new IllegalArgumentException("openrsp.cards.master-key-file is not set");
        }
        if (ciCertificate == null) {
            throw new IllegalArgumentException("openrsp.cards.ci-certificate is not set");
        }
        if (keyCacheSize < 0) {
            throw new IllegalArgumentException("openrsp.cards.key-cache-size must be >= 0");
        }
    }
}

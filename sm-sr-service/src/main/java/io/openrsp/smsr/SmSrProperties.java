package io.openrsp.smsr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §8 and §10: the SM-SR's own settings ({@code openrsp.smsr.*}), validated at start-up. Holds no secret:
 * the master key comes from {@code OPENRSP_MASTER_KEY}, {@code OPENRSP_MASTER_KEY_FILE} or {@link #masterKeyFile()}.
 *
 * @param id this SM-SR's identifier, returned by ES1 and written into the EIS ({@code smsrId})
 * @param eumCertificates PEM EUM certificates (CI → EUM) whose EUMs may register eUICCs over ES1; each must chain to
 *     the CI, checked at start-up
 * @param defaultValidityPeriod how long an ES3 call waits for the card when the caller sets no validityPeriod
 * @param maxValidityPeriod the longest validityPeriod accepted; a longer one is refused in-band
 * @param smdpNotificationUrl where ES3 notifications to the SM-DP go (its base URL, e.g.
 *     {@code https://127.0.0.1:8441}); absent: notifications are recorded only
 * @param masterKeyFile the base64 master key file used when neither environment variable is set
 * @param credentialCacheSize how many cards' unsealed ES5 credentials are kept in memory (PSK-TLS hot path)
 */
@ConfigurationProperties("openrsp.smsr")
public record SmSrProperties(
        @DefaultValue("SM-SR-1") String id,
        @DefaultValue("./pki/eum.crt") List<Path> eumCertificates,
        @DefaultValue("60s") Duration defaultValidityPeriod,
        @DefaultValue("1h") Duration maxValidityPeriod,
        @Nullable URI smdpNotificationUrl,
        @DefaultValue("./pki/master.key") Path masterKeyFile,
        @DefaultValue("200000") int credentialCacheSize) {

    public SmSrProperties {
        if (id == null || id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("openrsp.smsr.id must be 1 to 128 characters");
        }
        eumCertificates = List.copyOf(eumCertificates);
        if (eumCertificates.isEmpty()) {
            throw new IllegalArgumentException("openrsp.smsr.eum-certificates must name at least one EUM certificate");
        }
        requirePositive("openrsp.smsr.default-validity-period", defaultValidityPeriod);
        requirePositive("openrsp.smsr.max-validity-period", maxValidityPeriod);
        if (defaultValidityPeriod.compareTo(maxValidityPeriod) > 0) {
            throw new IllegalArgumentException(
                    "openrsp.smsr.default-validity-period must not exceed openrsp.smsr.max-validity-period");
        }
        if (smdpNotificationUrl != null
                && (!smdpNotificationUrl.isAbsolute() || !"https".equalsIgnoreCase(smdpNotificationUrl.getScheme()))) {
            throw new IllegalArgumentException("openrsp.smsr.smdp-notification-url must be an absolute https URL");
        }
        if (credentialCacheSize < 1) {
            throw new IllegalArgumentException("openrsp.smsr.credential-cache-size must be positive");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

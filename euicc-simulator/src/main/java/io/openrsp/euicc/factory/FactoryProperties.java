package io.openrsp.euicc.factory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §4 step 1 and §8: the factory's settings ({@code openrsp.factory.*}), validated at start-up. Holds no
 * secret: the EUM's key is read from {@link #eumPrivateKey()} when the factory first makes a card, so a simulator
 * without EUM files (e.g. one that only hosts cards) still starts; the first creation then fails with the setting's
 * name.
 *
 * @param eumCertificate the EUM CA certificate (PEM) that issues CERT.ECASD.ECKA
 * @param eumPrivateKey its PKCS#8 private key (PEM), which also signs the EIS
 * @param eumId the EUM identifier in the EIS; null = the CN of the EUM certificate
 * @param smsrUrl the SM-SR's HTTPS base URL; ES1 RegisterEIS is posted to its {@code /gsma/es1/registerEIS}
 * @param sslBundle the SSL bundle of the ES1 TLS client (the EUM_CLIENT certificate, role EUM)
 * @param clientCertificate the EUM_CLIENT certificate (PEM) that {@code application.yml} feeds into the
 *     {@code es1-client} bundle
 * @param clientPrivateKey its private key (PEM), likewise
 * @param registrationConcurrency how many cards a bulk creation makes and registers at the same time
 * @param eidPrefix the first digits of every EID (SGP.29 §10: {@code 89}, country code, issuer identifier...); the
 *     rest of the 30 digits before the check digits is random, at least 6 digits of it
 * @param platformType the eUICC platform type written into the EIS
 * @param platformVersion the eUICC platform version written into the EIS
 * @param connectTimeout TCP and TLS connect time-out towards the SM-SR
 * @param requestTimeout time-out of one RegisterEIS call
 * @param maxCardsPerRequest the largest {@code count} one management request may ask for
 */
@ConfigurationProperties("openrsp.factory")
public record FactoryProperties(
        @DefaultValue("./pki/eum.crt") Path eumCertificate,
        @DefaultValue("./pki/eum.key") Path eumPrivateKey,
        @Nullable String eumId,
        @DefaultValue("https://127.0.0.1:8442") URI smsrUrl,
        @DefaultValue("es1-client") String sslBundle,
        @DefaultValue("./pki/eum-client.crt") Path clientCertificate,
        @DefaultValue("./pki/eum-client.key") Path clientPrivateKey,
        @DefaultValue("16") int registrationConcurrency,
        @DefaultValue("890490320000100000") String eidPrefix,
        @DefaultValue("OpenRSP-Simulator") String platformType,
        @DefaultValue("1.0") String platformVersion,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("10000") int maxCardsPerRequest) {

    /** Digits of an EID before its two check digits. */
    static final int EID_BODY_DIGITS = 30;

    /** Random digits every EID keeps at least, so collisions stay rare. */
    static final int MIN_RANDOM_DIGITS = 6;

    public FactoryProperties {
        required("openrsp.factory.eum-certificate", eumCertificate);
        required("openrsp.factory.eum-private-key", eumPrivateKey);
        if (eumId != null && eumId.isBlank()) {
            throw new IllegalArgumentException("openrsp.factory.eum-id must not be blank (leave it unset for the CN)");
        }
        required("openrsp.factory.smsr-url", smsrUrl);
        String scheme = smsrUrl.getScheme();
        if (!smsrUrl.isAbsolute()
                || scheme == null
                || !scheme.toLowerCase(Locale.ROOT).equals("https")) {
            throw new IllegalArgumentException("openrsp.factory.smsr-url must be an absolute https URL");
        }
        required("openrsp.factory.client-certificate", clientCertificate);
        required("openrsp.factory.client-private-key", clientPrivateKey);
        if (sslBundle == null || sslBundle.isBlank()) {
            throw new IllegalArgumentException("openrsp.factory.ssl-bundle is not set");
        }
        if (registrationConcurrency < 1 || registrationConcurrency > 1024) {
            throw new IllegalArgumentException("openrsp.factory.registration-concurrency must be 1-1024");
        }
        if (eidPrefix == null
                || !eidPrefix.matches("89[0-9]*")
                || eidPrefix.length() > EID_BODY_DIGITS - MIN_RANDOM_DIGITS) {
            throw new IllegalArgumentException("openrsp.factory.eid-prefix must be digits starting with 89, at most "
                    + (EID_BODY_DIGITS - MIN_RANDOM_DIGITS) + " of them");
        }
        if (platformType == null || platformType.isBlank() || platformVersion == null || platformVersion.isBlank()) {
            throw new IllegalArgumentException("openrsp.factory.platform-type and platform-version must not be blank");
        }
        positive("openrsp.factory.connect-timeout", connectTimeout);
        positive("openrsp.factory.request-timeout", requestTimeout);
        if (maxCardsPerRequest < 1) {
            throw new IllegalArgumentException("openrsp.factory.max-cards-per-request must be positive");
        }
    }

    private static void required(String name, @Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
    }

    private static void positive(String name, @Nullable Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

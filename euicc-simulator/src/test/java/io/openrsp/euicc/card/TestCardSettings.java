package io.openrsp.euicc.card;

import io.openrsp.crypto.pki.TestPki;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test fixture: the settings the card store needs in a Spring test, a private in-memory H2 database and a master key
 * made at test time (never a key from the repository).
 */
public final class TestCardSettings {

    /** A master key for this test JVM, base64. */
    public static final String MASTER_KEY = Base64.getEncoder().encodeToString(randomBytes(32));

    private TestCardSettings() {}

    /** A fresh in-memory H2 database for this context, and {@link #MASTER_KEY}. */
    public static void inMemory(DynamicPropertyRegistry registry) {
        String name = "cards-" + UUID.randomUUID();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        masterKey(registry);
    }

    /** Only {@link #MASTER_KEY}, for a test that names its own database. */
    public static void masterKey(DynamicPropertyRegistry registry) {
        registry.add("OPENRSP_MASTER_KEY", () -> MASTER_KEY);
    }

    /**
     * The settings that point the whole simulator at files of a test PKI: its TLS identity and trust bundle, the EUM
     * files the factory reads, and the CI certificate the ISD-Ps trust.
     */
    public static Map<String, String> pkiFiles(TestPki pki) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("openrsp.tls.certificate", pki.file("euicc-simulator.crt").toString());
        settings.put("openrsp.tls.private-key", pki.file("euicc-simulator.key").toString());
        settings.put("openrsp.tls.trust-bundle", pki.file("trust-bundle.pem").toString());
        settings.put("openrsp.cards.ci-certificate", pki.file("ci.crt").toString());
        settings.put("openrsp.factory.eum-certificate", pki.file("eum.crt").toString());
        settings.put("openrsp.factory.eum-private-key", pki.file("eum.key").toString());
        settings.put(
                "openrsp.factory.client-certificate", pki.file("eum-client.crt").toString());
        settings.put(
                "openrsp.factory.client-private-key", pki.file("eum-client.key").toString());
        return settings;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

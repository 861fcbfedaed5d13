package io.openrsp.euicc.management;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.euicc.card.TestCardSettings;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test fixture: everything a Spring test of the whole simulator needs on a PKI made at test time: the TLS identity,
 * the EUM files of the factory and its ES1 client, the CI certificate the ISD-Ps trust, a private in-memory database
 * and a master key.
 */
public final class TestSimulatorSettings {

    private TestSimulatorSettings() {}

    public static void register(DynamicPropertyRegistry registry, TestPki pki) {
        registry.add(
                "openrsp.tls.certificate", () -> pki.file("euicc-simulator.crt").toString());
        registry.add(
                "openrsp.tls.private-key", () -> pki.file("euicc-simulator.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> pki.file("trust-bundle.pem").toString());
        registry.add("openrsp.cards.ci-certificate", () -> pki.file("ci.crt").toString());
        registry.add(
                "openrsp.factory.eum-certificate", () -> pki.file("eum.crt").toString());
        registry.add(
                "openrsp.factory.eum-private-key", () -> pki.file("eum.key").toString());
        registry.add(
                "openrsp.factory.client-certificate",
                () -> pki.file("eum-client.crt").toString());
        registry.add(
                "openrsp.factory.client-private-key",
                () -> pki.file("eum-client.key").toString());
        registry.add("spring.ssl.bundle.watch.file.quiet-period", () -> "100ms");
        TestCardSettings.inMemory(registry);
    }
}

package io.openrsp.euicc.card;

import io.openrsp.crypto.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CardsScenario} on an in-memory H2 database. */
class CardsH2IT extends CardsScenario {

    private static final TestPki PKI = TestPki.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        pki(registry, PKI);
        TestCardSettings.inMemory(registry);
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }
}

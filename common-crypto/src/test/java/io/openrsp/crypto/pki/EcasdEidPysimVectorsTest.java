package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ECASD subject's EID check (GSMA SGP.29 §10: 32 digits, value mod 97 == 1) against known EIDs.
 *
 * <p>Source: osmocom/pysim {@code tests/unittests/test_euicc.py}, cases {@code test_eid_verify} (three valid
 * EIDs) and {@code test_eid_verify_wrong} (one invalid), as collected in the project's
 * {@code gsma-identifiers.json} ({@code eid_verify} cases).
 */
class EcasdEidPysimVectorsTest {

    record Case(String id, String eid, boolean valid) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("test_eid_verify#1", "89049032123451234512345678901235", true),
                new Case("test_eid_verify#2", "89086030202200000022000023022943", true),
                new Case("test_eid_verify#3", "89044045116727494800000004479366", true),
                new Case("test_eid_verify_wrong", "89049032123451234512345678901234", false));
    }

    private static TestCertificates pki;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void issueEcasdWhenEidThenAcceptedIffCheckDigitsValid(Case c) throws Exception {
        if (c.valid()) {
            assertThat(pki.ecasd(c.eid())
                            .certificate()
                            .getSubjectX500Principal()
                            .getName())
                    .contains(c.eid());
        } else {
            assertRefused(() -> pki.ecasd(c.eid()), PkiException.Reason.SUBJECT_NOT_ALLOWED);
        }
    }
}

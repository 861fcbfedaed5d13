package io.openrsp.euicc.factory;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.euicc.card.CardView;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.PskCredentials;
import io.openrsp.euicc.management.TestSimulatorSettings;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Eid;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DESIGN.md §4 step 1 over real mutual TLS: the factory registers its cards at an in-test ES1 endpoint that checks
 * the chain and the EUM signature like the SM-SR; the card unwraps the returned keys with its SK.ECASD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactoryRegistrationIT {

    private static final TestPki PKI = TestPki.create();
    private static final TestEs1Endpoint ES1 = start();

    private static TestEs1Endpoint start() {
        try {
            return new TestEs1Endpoint(PKI);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSimulatorSettings.register(registry, PKI);
        registry.add("openrsp.factory.smsr-url", () -> ES1.url().toString());
        registry.add("openrsp.factory.registration-concurrency", () -> "4");
    }

    @AfterAll
    static void stop() throws Exception {
        ES1.close();
        PKI.delete();
    }

    @Autowired
    CardFactory factory;

    @Autowired
    Cards cards;

    @BeforeEach
    void registerByDefault() {
        ES1.mode(TestEs1Endpoint.Mode.REGISTER);
    }

    @Test
    void createWhenSmsrRegistersThenCardHoldsTheIssuedPskAndDeclarationIsPending() throws Exception {
        List<CreatedCard> created = factory.create(10, true, 65536L);

        assertThat(created).hasSize(10).allSatisfy(card -> {
            assertThat(card.registered()).isTrue();
            assertThat(card.smsrId()).isEqualTo(TestEs1Endpoint.SMSR_ID);
            assertThat(card.registrationFailure()).isNull();
            assertThat(ES1.verification(card.eid())).isEqualTo("ok");
            Eid eid = Eid.of(card.eid());
            PskCredentials credentials = cards.pskCredentials(eid);
            assertThat(credentials
                            .psk()
                            .equalsConstantTime(ES1.issued(card.eid()).psk()))
                    .isTrue();
            assertThat(credentials.identity().kvn()).isEqualTo(0x40);
            assertThat(cards.pendingNotifications(eid))
                    .singleElement()
                    .satisfies(n -> assertThat(n.type()).isEqualTo(NotificationType.DECLARATION));
            CardView view = cards.view(eid).orElseThrow();
            assertThat(view.registered()).isTrue();
            assertThat(view.smsrId()).isEqualTo(TestEs1Endpoint.SMSR_ID);
            assertThat(view.memoryBytes()).isEqualTo(65536);
        });
        assertThat(new HashSet<>(created.stream().map(CreatedCard::eid).toList()))
                .hasSize(10);
    }

    @Test
    void createWhenSmsrRefusesInBandThenCardUnregisteredWithItsStatusCode() throws Exception {
        ES1.mode(TestEs1Endpoint.Mode.REFUSE);

        CreatedCard card = factory.create(1, true, null).getFirst();

        assertThat(card.registered()).isFalse();
        assertThat(card.registrationFailure()).isNotNull();
        assertThat(card.registrationFailure().reason()).isEqualTo(CreatedCard.Reason.REFUSED);
        assertThat(card.registrationFailure().statusCodeData().subjectCode()).isEqualTo(SubjectCode.EID);
        assertThat(card.registrationFailure().statusCodeData().reasonCode()).isEqualTo(ReasonCode.ALREADY_IN_USE);
        assertThat(cards.view(Eid.of(card.eid())).orElseThrow().registered()).isFalse();
    }

    @Test
    void createWhenKeysWrappedForAnotherSmsrThenKeysDoNotOpenAndCardUnregistered() throws Exception {
        ES1.mode(TestEs1Endpoint.Mode.WRONG_WRAP);

        CreatedCard card = factory.create(1, true, null).getFirst();

        assertThat(card.registered()).isFalse();
        assertThat(card.registrationFailure().reason()).isEqualTo(CreatedCard.Reason.KEYS_DO_NOT_OPEN);
        assertThat(cards.view(Eid.of(card.eid())).orElseThrow().registered()).isFalse();
    }

    @Test
    void createWhenSmsrAnswersHttpErrorThenHttpStatusFailure() throws Exception {
        ES1.mode(TestEs1Endpoint.Mode.SERVER_ERROR);

        CreatedCard card = factory.create(1, true, null).getFirst();

        assertThat(card.registered()).isFalse();
        assertThat(card.registrationFailure().reason()).isEqualTo(CreatedCard.Reason.HTTP_STATUS);
        assertThat(card.registrationFailure().detail()).contains("500");
    }

    @Test
    void createWhenSmsrAnswersSomethingElseThanAResponseThenMalformedResponseFailure() throws Exception {
        ES1.mode(TestEs1Endpoint.Mode.GARBAGE);

        CreatedCard card = factory.create(1, true, null).getFirst();

        assertThat(card.registered()).isFalse();
        assertThat(card.registrationFailure().reason()).isEqualTo(CreatedCard.Reason.MALFORMED_RESPONSE);
    }

    @Test
    void createWhenNotAskedToRegisterThenNoEs1Call() throws Exception {
        CreatedCard card = factory.create(1, false, null).getFirst();

        assertThat(card.registered()).isFalse();
        assertThat(card.registrationFailure()).isNull();
        assertThat(ES1.verification(card.eid())).isNull();
    }
}

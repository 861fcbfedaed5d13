package io.openrsp.euicc.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.euicc.EuiccSimulatorApplication;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.script.CommandScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * DESIGN.md §7 "a restarted simulator still holds its cards": a card registered and changed in one application
 * context is the same card, with the same keys, ISD-Ps, notifications and SCP80 counter, in a new context on the same
 * H2 file database.
 */
class CardsRestartIT {

    private static TestPki pki;
    private static Path data;

    @BeforeAll
    static void setUp() throws Exception {
        pki = TestPki.create();
        data = Files.createTempDirectory("cards-restart");
    }

    @AfterAll
    static void tearDown() throws Exception {
        pki.delete();
        FileSystemUtils.deleteRecursively(data);
    }

    private static ConfigurableApplicationContext start() {
        // Command-line arguments: they outrank application.yml, which default properties would not.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("cards") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--OPENRSP_MASTER_KEY=" + TestCardSettings.MASTER_KEY));
        TestCardSettings.pkiFiles(pki).forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(EuiccSimulatorApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void cardsWhenSimulatorRestartsThenSameStateKeysAndCounter() throws Exception {
        Eid eid = TestCards.eid(7, 1);
        Aid a = Aid.isdP(Tar.of(0x10));
        Aid b = Aid.isdP(Tar.of(0x11));
        NewCard card = TestCards.newCard(eid, 100_000);
        TestCards.Registration registration = TestCards.registration(card, TestCards.SMSR_ID);
        Scp80Sender sender = TestCards.sender(registration.material());
        byte[] trigger = TestCards.trigger(eid, registration.material(), 8443).encode();
        byte[] firstSms = TestCards.pushSms(sender, 0x000001, trigger);

        Optional<CardView> before;
        List<Notification> pendingBefore;
        PskCredentials pskBefore;
        try (ConfigurableApplicationContext context = start()) {
            Cards cards = context.getBean(Cards.class);
            cards.create(card);
            cards.installKeys(eid, registration.wrapped(), TestCards.SMSR_ID);
            cards.execute(
                    eid,
                    Optional.empty(),
                    CommandScript.of(IsdRCommands.createIsdp(a, 1000), IsdRCommands.createIsdp(b, 2000)));
            new TestProfiles(context).installTestProfile(eid, a, "8901000000000000001");
            cards.execute(eid, Optional.empty(), CommandScript.of(IsdRCommands.enableProfile(a)));
            cards.setReachable(eid, false);
            assertThat(cards.receivePushSms(eid, firstSms)).isPresent();
            before = cards.view(eid);
            pendingBefore = cards.pendingNotifications(eid);
            pskBefore = cards.pskCredentials(eid);
        }

        try (ConfigurableApplicationContext context = start()) {
            Cards cards = context.getBean(Cards.class);

            assertThat(before).isPresent();
            assertThat(cards.view(eid)).isEqualTo(before);
            assertThat(before.orElseThrow().isdps()).hasSize(2);
            assertThat(before.orElseThrow().reachable()).isFalse();
            assertThat(cards.pendingNotifications(eid)).isEqualTo(pendingBefore).hasSize(2);
            PskCredentials psk = cards.pskCredentials(eid);
            assertThat(psk.identity()).isEqualTo(pskBefore.identity());
            assertThat(psk.psk().equalsConstantTime(pskBefore.psk())).isTrue();
            assertThat(cards.receivePushSms(eid, firstSms))
                    .as("replay after restart")
                    .isEmpty();
            assertThat(cards.receivePushSms(eid, TestCards.pushSms(sender, 0x000001, trigger)))
                    .as("next counter after restart")
                    .isPresent();
        }
    }
}

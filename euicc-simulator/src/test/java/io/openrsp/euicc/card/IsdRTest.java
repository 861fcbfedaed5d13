package io.openrsp.euicc.card;

import static io.openrsp.euicc.card.TestCardStates.NOW;
import static io.openrsp.euicc.card.TestCardStates.empty;
import static io.openrsp.euicc.card.TestCardStates.isdp;
import static io.openrsp.euicc.card.TestCardStates.withIsdp;
import static io.openrsp.euicc.card.TestCardStates.withPol1;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.IsdpStatus;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IsdRTest {

    private static final Aid A = isdp(0x10);
    private static final Aid B = isdp(0x11);
    private static final Aid C = isdp(0x12);

    private static IsdR.Step run(CardState card, CommandApdu apdu) {
        return IsdR.execute(card, apdu, NOW);
    }

    private static void assertRefused(CardState card, CommandApdu apdu, StatusWord expected) {
        IsdR.Step step = run(card, apdu);
        assertThat(step.response().statusWord()).isEqualTo(expected);
        assertThat(step.response().data()).isEmpty();
        assertThat(step.state()).isSameAs(card);
    }

    @Test
    void createIsdpWhenValidThenCreatedWithQuotaReserved() {
        IsdR.Step step = run(empty(), IsdRCommands.createIsdp(A, 4096));

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        Isdp created = step.state().isdp(A).orElseThrow();
        assertThat(created.lifeCycle()).isEqualTo(LifeCycle.CREATED);
        assertThat(created.fallback()).isFalse();
        assertThat(created.memoryQuota()).isEqualTo(4096);
        assertThat(created.iccid()).isNull();
        assertThat(step.state().freeMemoryBytes()).isEqualTo(TestCardStates.MEMORY - 4096);
        assertThat(step.state().notifications()).isEmpty();
    }

    @Test
    void createIsdpWhenQuotaEqualsFreeMemoryThenCreated() {
        IsdR.Step step = run(empty(), IsdRCommands.createIsdp(A, TestCardStates.MEMORY));

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(step.state().freeMemoryBytes()).isZero();
    }

    @Test
    void createIsdpWhenQuotaAboveFreeMemoryThen6A84() {
        CardState card = withIsdp(empty(), A, LifeCycle.CREATED, false, TestCardStates.MEMORY - 100);

        assertRefused(card, IsdRCommands.createIsdp(B, 101), StatusWord.NOT_ENOUGH_MEMORY);
    }

    @Test
    void createIsdpWhenExecutableLoadFileIsNotTheIsdPOneThen6A80() {
        CommandApdu apdu = IsdRCommands.createIsdp(Aid.ISD_R, Aid.ISD_P_EXECUTABLE_MODULE, A, 0);

        assertRefused(empty(), apdu, StatusWord.WRONG_DATA);
    }

    @Test
    void createIsdpWhenExecutableModuleIsNotTheIsdPOneThen6A80() {
        CommandApdu apdu = IsdRCommands.createIsdp(Aid.ISD_P_EXECUTABLE_LOAD_FILE, Aid.ECASD, A, 0);

        assertRefused(empty(), apdu, StatusWord.WRONG_DATA);
    }

    @Test
    void createIsdpWhenAidNotOfTheSgp02FormThen6A80() {
        assertRefused(empty(), IsdRCommands.createIsdp(Aid.fromHex("A000000559101001"), 0), StatusWord.WRONG_DATA);
    }

    @Test
    void createIsdpWhenAidAlreadyOnTheCardThen6985() {
        CardState card = withIsdp(empty(), A, LifeCycle.CREATED, false, 0);

        assertRefused(card, IsdRCommands.createIsdp(A, 0), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void createIsdpWhenAidIsTheIsdROrEcasdThen6985() {
        assertRefused(empty(), IsdRCommands.createIsdp(Aid.ISD_R, 0), StatusWord.CONDITIONS_NOT_SATISFIED);
        assertRefused(empty(), IsdRCommands.createIsdp(Aid.ECASD, 0), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void enableProfileWhenDataObjectIsNotAnAidThen6A80() {
        CommandApdu apdu = CommandApdu.of(0x80, 0xE2, 0x88, 0x00, new byte[] {0x3A, 0x03, 0x03, 0x5C, 0x01, 0x00});

        assertRefused(withIsdp(empty(), A, LifeCycle.DISABLED, false, 0), apdu, StatusWord.WRONG_DATA);
    }

    @Test
    void installWhenP1NamesNoSupportedInstallThen6A86() {
        assertRefused(empty(), CommandApdu.of(0x80, 0xE6, 0x02, 0x00, new byte[] {0}), StatusWord.INCORRECT_P1P2);
    }

    @Test
    void enableProfileWhenUnknownAidThen6A88() {
        assertRefused(empty(), IsdRCommands.enableProfile(A), StatusWord.REFERENCED_DATA_NOT_FOUND);
    }

    @Test
    void enableProfileWhenIsdpHoldsNoProfileThen6985() {
        CardState card = withIsdp(empty(), A, LifeCycle.CREATED, false, 0);

        assertRefused(card, IsdRCommands.enableProfile(A), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void enableProfileWhenAlreadyEnabledThen6985() {
        CardState card = withIsdp(empty(), A, LifeCycle.ENABLED, false, 0);

        assertRefused(card, IsdRCommands.enableProfile(A), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void enableProfileWhenDisabledThenEnabledAndPreviousDisabledAndNotificationQueued() {
        CardState card = withIsdp(withIsdp(empty(), A, LifeCycle.ENABLED, false, 0), B, LifeCycle.DISABLED, false, 0);

        IsdR.Step step = run(card, IsdRCommands.enableProfile(B));

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(step.state().isdp(A).orElseThrow().lifeCycle()).isEqualTo(LifeCycle.DISABLED);
        assertThat(step.state().isdp(B).orElseThrow().lifeCycle()).isEqualTo(LifeCycle.ENABLED);
        assertThat(step.state().notifications())
                .containsExactly(new PendingNotification(1, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(B)));
        assertThat(step.state().nextNotificationSeq()).isEqualTo(2);
    }

    @Test
    void disableProfileWhenUnknownAidThen6A88() {
        assertRefused(empty(), IsdRCommands.disableProfile(A), StatusWord.REFERENCED_DATA_NOT_FOUND);
    }

    @Test
    void disableProfileWhenNotEnabledThen6985() {
        CardState card = withIsdp(withIsdp(empty(), A, LifeCycle.DISABLED, false, 0), B, LifeCycle.CREATED, false, 0);

        assertRefused(card, IsdRCommands.disableProfile(A), StatusWord.CONDITIONS_NOT_SATISFIED);
        assertRefused(card, IsdRCommands.disableProfile(B), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void disableProfileWhenEnabledProfileIsTheFallbackThen6985() {
        CardState card = withIsdp(empty(), A, LifeCycle.ENABLED, true, 0);

        assertRefused(card, IsdRCommands.disableProfile(A), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void disableProfileWhenNoFallbackThenDisabledAndNotificationNamesIt() {
        CardState card = withIsdp(empty(), A, LifeCycle.ENABLED, false, 0);

        IsdR.Step step = run(card, IsdRCommands.disableProfile(A));

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(step.state().isdp(A).orElseThrow().lifeCycle()).isEqualTo(LifeCycle.DISABLED);
        assertThat(step.state().enabled()).isEmpty();
        assertThat(step.state().notifications())
                .containsExactly(new PendingNotification(1, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(A)));
    }

    @Test
    void disableProfileWhenAnotherIsdpIsFallbackThenFallbackEnabled() {
        CardState card = withIsdp(withIsdp(empty(), A, LifeCycle.ENABLED, false, 0), B, LifeCycle.DISABLED, true, 0);

        IsdR.Step step = run(card, IsdRCommands.disableProfile(A));

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(step.state().isdp(A).orElseThrow().lifeCycle()).isEqualTo(LifeCycle.DISABLED);
        assertThat(step.state().isdp(B).orElseThrow().lifeCycle()).isEqualTo(LifeCycle.ENABLED);
        assertThat(step.state().notifications())
                .containsExactly(new PendingNotification(1, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(B)));
    }

    @Test
    void deleteIsdpWhenUnknownAidThen6A88() {
        assertRefused(empty(), IsdRCommands.deleteIsdp(A), StatusWord.REFERENCED_DATA_NOT_FOUND);
    }

    @Test
    void deleteIsdpWhenEnabledThen6985() {
        CardState card = withIsdp(empty(), A, LifeCycle.ENABLED, false, 0);

        assertRefused(card, IsdRCommands.deleteIsdp(A), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void deleteIsdpWhenFallbackThen6985() {
        CardState card = withIsdp(empty(), A, LifeCycle.DISABLED, true, 0);

        assertRefused(card, IsdRCommands.deleteIsdp(A), StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void enableProfileWhenEnabledProfilePol1ForbidsDisablingThen69E1() {
        CardState card = withPol1(
                withIsdp(withIsdp(empty(), A, LifeCycle.ENABLED, false, 0), B, LifeCycle.DISABLED, false, 0),
                A,
                new Pol1(true, false));

        assertRefused(card, IsdRCommands.enableProfile(B), StatusWord.POL1_FORBIDS);
    }

    @Test
    void disableProfileWhenPol1ForbidsDisablingThen69E1() {
        CardState card = withPol1(withIsdp(empty(), A, LifeCycle.ENABLED, false, 0), A, new Pol1(true, false));

        assertRefused(card, IsdRCommands.disableProfile(A), StatusWord.POL1_FORBIDS);
    }

    @Test
    void deleteIsdpWhenPol1ForbidsDeletionThen69E1() {
        CardState card = withPol1(withIsdp(empty(), A, LifeCycle.DISABLED, false, 0), A, new Pol1(false, true));

        assertRefused(card, IsdRCommands.deleteIsdp(A), StatusWord.POL1_FORBIDS);
    }

    @Test
    void disableProfileWhenPol1OnlyForbidsDeletionThenDisabled() {
        CardState card = withPol1(withIsdp(empty(), A, LifeCycle.ENABLED, false, 0), A, new Pol1(false, true));

        IsdR.Step step = run(card, IsdRCommands.disableProfile(A));

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(step.state().isdp(A).orElseThrow().lifeCycle()).isEqualTo(LifeCycle.DISABLED);
    }

    @Test
    void deleteIsdpWhenCreatedOrDisabledThenRemovedAndQuotaFreed() {
        CardState card =
                withIsdp(withIsdp(empty(), A, LifeCycle.CREATED, false, 1000), B, LifeCycle.DISABLED, false, 24);

        IsdR.Step first = run(card, IsdRCommands.deleteIsdp(A));
        IsdR.Step second = run(first.state(), IsdRCommands.deleteIsdp(B));

        assertThat(first.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(second.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(second.state().isdps()).isEmpty();
        assertThat(second.state().freeMemoryBytes()).isEqualTo(TestCardStates.MEMORY);
    }

    @Test
    void getStatusWhenAllThenEveryIsdpInAidOrder() {
        CardState card = withIsdp(withIsdp(empty(), B, LifeCycle.ENABLED, false, 0), A, LifeCycle.CREATED, true, 0);

        IsdR.Step step = run(card, IsdRCommands.getStatusAll());

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(GetStatusResponse.decode(step.response().data()))
                .containsExactly(
                        new IsdpStatus(A, LifeCycle.CREATED, true), new IsdpStatus(B, LifeCycle.ENABLED, false));
        assertThat(step.state()).isSameAs(card);
    }

    @Test
    void getStatusWhenAllOnCardWithoutIsdpsThenNoDataAnd9000() {
        IsdR.Step step = run(empty(), IsdRCommands.getStatusAll());

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(step.response().data()).isEmpty();
    }

    @Test
    void getStatusWhenOneAidThenOnlyThatIsdp() {
        CardState card = withIsdp(withIsdp(empty(), A, LifeCycle.CREATED, false, 0), B, LifeCycle.DISABLED, false, 0);

        IsdR.Step step = run(card, IsdRCommands.getStatus(B));

        assertThat(GetStatusResponse.decode(step.response().data()))
                .containsExactly(new IsdpStatus(B, LifeCycle.DISABLED, false));
    }

    @Test
    void getStatusWhenUnknownAidThen6A88() {
        CardState card = withIsdp(empty(), A, LifeCycle.CREATED, false, 0);

        assertRefused(card, IsdRCommands.getStatus(C), StatusWord.REFERENCED_DATA_NOT_FOUND);
    }

    @Test
    void getStatusWhenAnswerExceedsOneResponseThenFirstEntriesAnd6310() {
        CardState card = empty();
        for (int tar = 0x10; tar < 0x30; tar++) {
            card = withIsdp(card, isdp(tar), LifeCycle.CREATED, false, 0);
        }

        IsdR.Step step = run(card, IsdRCommands.getStatusAll());

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.MORE_DATA_AVAILABLE);
        assertThat(step.response().data().length).isLessThanOrEqualTo(256);
        assertThat(GetStatusResponse.decode(step.response().data()))
                .isNotEmpty()
                .first()
                .isEqualTo(new IsdpStatus(isdp(0x10), LifeCycle.CREATED, false));
    }

    @Test
    void confirmNotificationWhenPendingThenRemoved() {
        CardState card = empty().withNotification(NotificationType.DECLARATION, Optional.empty());

        IsdR.Step step = run(card, IsdRCommands.confirmNotification(1));

        assertThat(step.response().statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(step.state().notifications()).isEmpty();
        assertThat(step.state().nextNotificationSeq()).isEqualTo(2);
    }

    @Test
    void confirmNotificationWhenUnknownSequenceNumberThen6A88() {
        CardState card = empty().withNotification(NotificationType.DECLARATION, Optional.empty());

        assertRefused(card, IsdRCommands.confirmNotification(2), StatusWord.REFERENCED_DATA_NOT_FOUND);
    }

    @Test
    void installForPersonalizationWhenCalledThen6A81UntilEs8Exists() {
        CardState card = withIsdp(empty(), A, LifeCycle.CREATED, false, 0);

        assertRefused(card, IsdRCommands.installForPersonalization(A), StatusWord.FUNCTION_NOT_SUPPORTED);
    }

    @Test
    void storeDataWhenOtherFunctionThen6A81() {
        CommandApdu keyEstablishment = CommandApdu.of(0x80, 0xE2, 0x09, 0x00, new byte[] {0x3A, 0x01, 0x00});

        assertRefused(empty(), keyEstablishment, StatusWord.FUNCTION_NOT_SUPPORTED);
    }

    @Test
    void executeWhenUnknownInstructionThen6D00() {
        assertRefused(empty(), CommandApdu.of(0x80, 0xCA, 0x00, 0x00), StatusWord.INS_NOT_SUPPORTED);
    }
}

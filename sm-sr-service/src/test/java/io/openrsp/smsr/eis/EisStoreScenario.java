package io.openrsp.smsr.eis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The EIS schema (V1__eis.sql) and its stores on a real database; subclasses pick H2 or PostgreSQL. Every statement
 * the SM-SR issues runs here at least once: nullable parameters, timestamps with time zone, row locks, the primary
 * keys that make registrations and function calls unique.
 */
abstract class EisStoreScenario {

    abstract TestEis eis();

    @Test
    void euiccWhenStoredThenReadBackWithEveryColumn() {
        TestEis eis = eis();
        Eid eid = TestEis.eid(1);
        CardKeyMaterial material = eis.register(eid, 5000L);

        EuiccRecord read = eis.euicc(eid);

        assertThat(read.eid()).isEqualTo(eid);
        assertThat(read.availableMemoryForProfiles()).isEqualTo(5000L);
        assertThat(read.remainingMemory()).isNull();
        assertThat(read.registeredAt()).isEqualTo(eis.clock.instant());
        assertThat(read.nextIsdpTar()).isEqualTo(Tar.FIRST_ISD_P);
        assertThat(read.toString()).doesNotContain(read.sealedKeys());
        assertThat(eis.vault.open(eid, read.sealedKeys()).psk().toByteArray(SecretKeyAccess.get()))
                .isEqualTo(material.psk().toByteArray(SecretKeyAccess.get()));
    }

    @Test
    void euiccWhenSameEidTwiceThenDuplicateKey() {
        TestEis eis = eis();
        Eid eid = TestEis.eid(2);
        eis.register(eid, null);

        assertThatThrownBy(() -> eis.register(eid, null)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void vaultWhenSealedKeysOfAnotherCardThenDoNotOpen() {
        TestEis eis = eis();
        Eid eid = TestEis.eid(3);
        eis.register(eid, null);
        String sealed = eis.euicc(eid).sealedKeys();

        assertThatThrownBy(() -> eis.vault.open(TestEis.eid(4), sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(sealed);
    }

    @Test
    void allocateTarWhenCalledThenEveryTarOnce() {
        TestEis eis = eis();
        Eid eid = TestEis.eid(5);
        eis.register(eid, null);

        Tar first = eis.tx.execute(s -> eis.euiccs.allocateTar(eid));
        Tar second = eis.tx.execute(s -> eis.euiccs.allocateTar(eid));

        assertThat(first).isEqualTo(Tar.of(0x10));
        assertThat(second).isEqualTo(Tar.of(0x11));
        assertThat(eis.euicc(eid).version()).isEqualTo(2);
    }

    @Test
    void findForUpdateWhenRowLockedThenSecondTransactionWaits() throws Exception {
        TestEis eis = eis();
        Eid eid = TestEis.eid(6);
        eis.register(eid, null);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holder = threads.submit(() -> eis.tx.executeWithoutResult(s -> {
                eis.euiccs.findForUpdate(eid);
                eis.euiccs.markAttached(eid, Instant.parse("2026-01-01T00:00:00Z"));
                locked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Instant> waiter = threads.submit(() -> eis.tx.execute(
                    s -> eis.euiccs.findForUpdate(eid).orElseThrow().attachedAt()));
            assertThat(waiter.isDone()).isFalse();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    @Test
    void isdpWhenStoredUpdatedAndDeletedThenEisViewFollows() {
        TestEis eis = eis();
        Eid eid = TestEis.eid(7);
        eis.register(eid, 1000L);
        Aid aid = Aid.isdP(Tar.of(0x10));
        eis.isdps.insert(IsdpRecord.created(eid, aid, "89882000000000000018", "MNO-1", "SM-DP-1", 100L));
        Pol2Rule rule = new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED);
        eis.isdps.update(eis.isdps
                .find(eid, aid)
                .orElseThrow()
                .withState(ProfileState.DISABLED)
                .withPol2(List.of(rule)));

        Eis view = eis.view.eis(eid).orElseThrow();

        assertThat(view.profiles()).singleElement().satisfies(p -> {
            assertThat(p.isdpAid()).isEqualTo(aid.toString());
            assertThat(p.state()).isEqualTo(ProfileState.DISABLED);
            assertThat(p.pol2()).containsExactly(rule);
            assertThat(p.allocatedMemory()).isEqualTo(100L);
        });
        assertThat(view.ecasd()).isEqualTo(new Ecasd(Aid.ECASD.toString(), "MIIB"));
        assertThat(eis.isdps.findByIccid(eid, "89882000000000000018")).isPresent();
        eis.isdps.delete(eid, aid);
        assertThat(eis.view.eis(eid).orElseThrow().profiles()).isEmpty();
    }

    @Test
    void isdpWhenSameAidTwiceThenDuplicateKey() {
        TestEis eis = eis();
        Eid eid = TestEis.eid(8);
        eis.register(eid, null);
        Aid aid = Aid.isdP(Tar.of(0x10));
        eis.isdps.insert(IsdpRecord.created(eid, aid, "89882000000000000018", "MNO-1", "SM-DP-1", null));

        assertThatThrownBy(() -> eis.isdps.insert(
                        IsdpRecord.created(eid, aid, "89882000000000000026", "MNO-1", "SM-DP-1", null)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void functionCallsWhenStoredThenRepeatReadsTheStoredResponse() {
        TestEis eis = eis();
        Instant deadline = eis.clock.instant().plusSeconds(5);
        Es3.UpdatePolicyRules.Response first = eis.calls.once(
                "CN=SM-DP-1",
                "call-1",
                "UpdatePolicyRules",
                Es3.UpdatePolicyRules.Response.class,
                deadline,
                Es3.UpdatePolicyRules.Response::new,
                () -> new Es3.UpdatePolicyRules.Response(ResponseHeader.success()));

        Es3.UpdatePolicyRules.Response repeat = eis.calls.once(
                "CN=SM-DP-1",
                "call-1",
                "UpdatePolicyRules",
                Es3.UpdatePolicyRules.Response.class,
                deadline,
                Es3.UpdatePolicyRules.Response::new,
                () -> {
                    throw new AssertionError("executed twice");
                });

        assertThat(repeat).isEqualTo(first);
    }

    @Test
    void notificationWhenStoredThenExistsAndAuditRowWritten() {
        TestEis eis = eis();
        Eid eid = TestEis.eid(9);
        eis.register(eid, null);
        Notification notification = new Notification(
                eid, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(Aid.isdP(Tar.of(0x10))), 7);

        eis.notifications.insert(notification, eis.clock.instant());
        eis.audit.record(eid.digits(), "Notification", null, "RECORDED", null);

        assertThat(eis.notifications.exists(notification)).isTrue();
        assertThat(eis.audit.of(eid.digits()))
                .singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(eis.clock.instant()));
    }
}

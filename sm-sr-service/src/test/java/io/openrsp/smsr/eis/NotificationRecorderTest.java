package io.openrsp.smsr.eis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationRecorderTest {

    private final TestEis eis = TestEis.h2();
    private final List<IsdpRecord> forwarded = new ArrayList<>();
    private final NotificationRecorder recorder = new NotificationRecorder(
            eis.euiccs,
            eis.isdps,
            eis.notifications,
            eis.audit,
            new RecordingNotifier(eis, forwarded),
            eis.tx,
            eis.clock);
    private final Eid eid = TestEis.eid(1);
    private final Aid first = Aid.isdP(Tar.of(0x10));
    private final Aid second = Aid.isdP(Tar.of(0x11));

    /** Records what would go to the SM-DP. */
    private static final class RecordingNotifier extends SmdpNotifier {
        private final List<IsdpRecord> sent;

        RecordingNotifier(TestEis eis, List<IsdpRecord> sent) {
            super(eis.properties, null, null);
            this.sent = sent;
        }

        @Override
        public void profileChanged(IsdpRecord isdp, Instant at) {
            sent.add(isdp);
        }
    }

    private void isdp(Aid aid, ProfileState state, String iccid) {
        eis.isdps.insert(
                new IsdpRecord(eid, aid, state, iccid, "MNO-1", TestEis.SMDP, null, false, 10L, null, null, List.of()));
    }

    @Test
    void handleWhenDeclarationThenCardAttachedAndAudited() {
        eis.register(eid, null);

        recorder.handle(new Notification(eid, NotificationType.DECLARATION, Optional.empty(), 1));

        assertThat(eis.euicc(eid).attachedAt()).isEqualTo(eis.clock.instant());
        assertThat(eis.audit.of(eid.digits()))
                .singleElement()
                .satisfies(e -> assertThat(e.operation()).isEqualTo("Notification.DECLARATION"));
        assertThat(eis.notifications.count(eid.digits())).isEqualTo(1);
    }

    @Test
    void handleWhenSameSequenceNumberAgainThenRecordedOnce() {
        eis.register(eid, null);
        Notification declaration = new Notification(eid, NotificationType.DECLARATION, Optional.empty(), 1);

        recorder.handle(declaration);
        recorder.handle(declaration);

        assertThat(eis.notifications.count(eid.digits())).isEqualTo(1);
        assertThat(eis.audit.of(eid.digits())).hasSize(1);
    }

    @Test
    void handleWhenProfileChangeConfirmsTheEisThenNothingChangesAndSmdpIsTold() {
        eis.register(eid, null);
        isdp(first, ProfileState.ENABLED, "89882000000000000018");

        recorder.handle(new Notification(eid, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(first), 2));

        assertThat(eis.isdps.find(eid, first).orElseThrow().state()).isEqualTo(ProfileState.ENABLED);
        assertThat(forwarded).singleElement().satisfies(i -> assertThat(i.aid()).isEqualTo(first));
    }

    @Test
    void handleWhenCardEnabledAnotherProfileThenEisFollowsTheCard() {
        eis.register(eid, null);
        isdp(first, ProfileState.ENABLED, "89882000000000000018");
        isdp(second, ProfileState.DISABLED, "89882000000000000026");

        recorder.handle(new Notification(eid, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(second), 3));

        assertThat(eis.isdps.find(eid, second).orElseThrow().state()).isEqualTo(ProfileState.ENABLED);
        assertThat(eis.isdps.find(eid, first).orElseThrow().state()).isEqualTo(ProfileState.DISABLED);
        assertThat(forwarded)
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(ProfileState.ENABLED));
    }

    @Test
    void handleWhenNotificationOfADisableThenEisKeepsItDisabled() {
        eis.register(eid, null);
        isdp(first, ProfileState.DISABLED, "89882000000000000018");

        recorder.handle(new Notification(eid, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(first), 4));

        assertThat(eis.isdps.find(eid, first).orElseThrow().state()).isEqualTo(ProfileState.DISABLED);
        assertThat(forwarded)
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(ProfileState.DISABLED));
    }

    @Test
    void handleWhenIsdpNotInEisThenRecordedWithoutChange() {
        eis.register(eid, null);

        recorder.handle(new Notification(eid, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(first), 5));

        assertThat(eis.isdps.list(eid)).isEmpty();
        assertThat(forwarded).isEmpty();
        assertThat(eis.audit.of(eid.digits()).getFirst().detail()).contains("not in the EIS");
    }

    @Test
    void handleWhenEidUnknownThenThrowsAndNothingRecorded() {
        Notification declaration = new Notification(eid, NotificationType.DECLARATION, Optional.empty(), 1);

        assertThatThrownBy(() -> recorder.handle(declaration)).isInstanceOf(UnknownEidException.class);
        assertThat(eis.notifications.count(eid.digits())).isZero();
    }
}

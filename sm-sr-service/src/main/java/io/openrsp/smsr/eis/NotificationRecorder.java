package io.openrsp.smsr.eis;

import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.6 (notifications from the eUICC) with DESIGN.md §3.3's template: records each notification
 * once (a redelivered sequence number changes nothing and is confirmed again), updates the EIS, writes the audit
 * trail and, after the commit, tells the owning SM-DP ({@link SmdpNotifier}).
 *
 * <ul>
 *   <li>DECLARATION: the card's first admin session; the EIS records when it attached.
 *   <li>PROFILE_CHANGE_SUCCEEDED / FALLBACK, naming ISD-P X: if the EIS already has X enabled, it agrees. If the EIS
 *       has X created, or another ISD-P enabled, the card changed without the SM-SR recording it (e.g. an ES3 call
 *       that expired while the card still executed it): X becomes enabled and the others disabled. If the EIS has X
 *       disabled and none enabled, this is the notification of X's own disable (the card names the disabled ISD-P
 *       when no other is enabled afterwards) and the EIS already says so. The one drift this cannot see (an enable
 *       of X that expired on a card with no enabled profile) is left to AuditEIS.
 *   <li>PROFILE_CHANGE_FAILED: recorded and audited; the card rolled back, so the EIS stays.
 * </ul>
 *
 * <p>Runs in one transaction holding the card's row lock, not {@link CardLocks}: the ES5 session delivering the
 * notification may be the one an ES3 call holding that lock is waiting for.
 */
@Component
public class NotificationRecorder implements NotificationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRecorder.class);

    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final NotificationStore notifications;
    private final AuditTrail audit;
    private final SmdpNotifier smdp;
    private final TransactionTemplate tx;
    private final Clock clock;

    public NotificationRecorder(
            EuiccStore euiccs,
            IsdpStore isdps,
            NotificationStore notifications,
            AuditTrail audit,
            SmdpNotifier smdp,
            TransactionTemplate tx,
            Clock clock) {
        this.euiccs = euiccs;
        this.isdps = isdps;
        this.notifications = notifications;
        this.audit = audit;
        this.smdp = smdp;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a recorded notification leaves to do after the commit. */
    private record Outcome(Optional<IsdpRecord> changed) {}

    @Override
    public void handle(Notification notification) {
        Instant now = clock.instant();
        Outcome outcome = tx.execute(status -> record(notification, now));
        if (outcome != null) {
            outcome.changed().ifPresent(isdp -> smdp.profileChanged(isdp, now));
        }
    }

    private Outcome record(Notification notification, Instant now) {
        var eid = notification.eid();
        euiccs.findForUpdate(eid).orElseThrow(() -> new UnknownEidException(eid));
        if (notifications.exists(notification)) {
            LOG.debug("notification {} of {} already recorded", notification.sequenceNumber(), eid);
            return new Outcome(Optional.empty());
        }
        notifications.insert(notification, now);
        Optional<IsdpRecord> reported = Optional.empty();
        String detail = "seq " + notification.sequenceNumber()
                + notification.isdp().map(aid -> ", ISD-P " + aid).orElse("");
        switch (notification.type()) {
            case DECLARATION -> euiccs.markAttached(eid, now);
            case PROFILE_CHANGE_SUCCEEDED, FALLBACK -> {
                reported = notification.isdp().flatMap(aid -> applyProfileChange(notification, aid));
                if (notification.isdp().isPresent() && reported.isEmpty()) {
                    detail += " (ISD-P not in the EIS)";
                }
            }
            case PROFILE_CHANGE_FAILED -> {
                // The card rolled the change back: nothing to change in the EIS.
            }
        }
        audit.record(eid.digits(), "Notification." + notification.type().name(), null, "RECORDED", detail);
        return new Outcome(reported);
    }

    private Optional<IsdpRecord> applyProfileChange(Notification notification, Aid aid) {
        var eid = notification.eid();
        List<IsdpRecord> all = isdps.list(eid);
        Optional<IsdpRecord> named =
                all.stream().filter(i -> i.aid().equals(aid)).findFirst();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        IsdpRecord target = named.get();
        boolean otherEnabled = all.stream().anyMatch(i -> !i.aid().equals(aid) && i.state() == ProfileState.ENABLED);
        if (target.state() == ProfileState.ENABLED
                || (target.state() == ProfileState.DISABLED
                        && !otherEnabled
                        && notification.type() == NotificationType.PROFILE_CHANGE_SUCCEEDED)) {
            return named; // the EIS already agrees with the card
        }
        for (IsdpRecord other : all) {
            if (!other.aid().equals(aid) && other.state() == ProfileState.ENABLED) {
                isdps.updateState(eid, other.aid(), ProfileState.DISABLED);
            }
        }
        isdps.updateState(eid, aid, ProfileState.ENABLED);
        euiccs.touch(eid);
        return Optional.of(target.withState(ProfileState.ENABLED));
    }
}

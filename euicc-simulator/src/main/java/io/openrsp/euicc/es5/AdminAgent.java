package io.openrsp.euicc.es5;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openrsp.euicc.card.CardException;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.PskCredentials;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * GlobalPlatform Amendment B §2.2 and §3.6, SGP.02 §2.4 (DESIGN.md §3.2): the card's admin agent. On a push SMS
 * the ISD-R checks the SCP80 packet ({@link Cards#receivePushSms}); a valid trigger makes the card open PSK-TLS to
 * the address in it and run the HTTP admin session ({@link RemoteAdminClient}), executing every script against the
 * card model ({@link Cards#execute}).
 *
 * <ul>
 *   <li>One session per card at a time. A trigger that arrives during a session is kept (the latest one) and opens
 *       one more session when the running one ends: the SM-SR puts commands into a running session anyway, but a
 *       command queued just as the server sent its 204 would otherwise wait for the next push.
 *   <li>After a session in which the card made new notifications (a profile was enabled or disabled), the card
 *       opens one more session to the same address to deliver them, as a device re-attaching after a profile switch
 *       would; never more than one such follow-up per trigger.
 *   <li>An unreachable card opens no session. A failed session (connection refused, handshake alert, protocol
 *       error) is logged without secrets and ends; deviation: the trigger's retry policy is not applied, the SM-SR
 *       pushes again instead.
 * </ul>
 *
 * <p>Sessions run on the caller's thread (the SMS-C delivers on a virtual thread per message).
 */
@Service
public class AdminAgent {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAgent.class);

    private final Cards cards;
    private final PskTlsConnector connector;
    private final RemoteAdminClient.Limits limits;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<Eid, Waiting> running = new ConcurrentHashMap<>();

    public AdminAgent(
            Cards cards, PskTlsConnector connector, Es5ClientProperties properties, Clock clock, MeterRegistry meters) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.limits = new RemoteAdminClient.Limits(
                properties.maxBodyBytes(), properties.maxScriptsPerSession(), properties.sessionTimeout());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * An SMS-PP for the ISD-R reached the card: checks it and, for a valid trigger, runs the admin session(s).
     *
     * @return whether the card accepted the packet as a trigger
     */
    public boolean onPushSms(Eid eid, byte[] commandPacket) {
        Optional<AdminSessionTrigger> trigger = cards.receivePushSms(eid, commandPacket);
        if (trigger.isEmpty()) {
            LOG.debug("Card {} ignored a push SMS", eid);
            meters.counter("openrsp.euicc.push", "outcome", "ignored").increment();
            return false;
        }
        meters.counter("openrsp.euicc.push", "outcome", "accepted").increment();
        onTrigger(eid, trigger.get());
        return true;
    }

    /** Runs the session a trigger asks for, or leaves the trigger for the card's running session to pick up. */
    public void onTrigger(Eid eid, AdminSessionTrigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        boolean[] owner = {false};
        running.compute(eid, (key, waiting) -> {
            if (waiting == null) {
                owner[0] = true;
                return new Waiting();
            }
            waiting.next = trigger;
            return waiting;
        });
        if (!owner[0]) {
            LOG.debug("Card {} is in an admin session: the trigger opens the next one", eid);
            return;
        }
        AdminSessionTrigger current = trigger;
        while (current != null) {
            try {
                if (runSession(eid, current)) {
                    runSession(eid, current);
                }
            } catch (RuntimeException e) {
                LOG.warn("Admin session of card {} failed: {}", eid, e.toString());
            }
            current = takeNext(eid);
        }
    }

    /** The trigger that arrived during the session, or null, ending the card's turn. */
    private @Nullable AdminSessionTrigger takeNext(Eid eid) {
        AdminSessionTrigger[] next = {null};
        running.compute(eid, (key, waiting) -> {
            next[0] = waiting == null ? null : waiting.next;
            if (next[0] == null) {
                return null;
            }
            waiting.next = null;
            return waiting;
        });
        return next[0];
    }

    /**
     * One admin session.
     *
     * @return whether the card has notifications now that it did not send at the start of the session
     */
    boolean runSession(Eid eid, AdminSessionTrigger trigger) {
        MDC.put("eid", eid.digits());
        Timer.Sample sample = Timer.start(meters);
        String outcome = "completed";
        try {
            if (!cards.isReachable(eid)) {
                outcome = "unreachable";
                LOG.debug("Card {} is unreachable: no admin session", eid);
                return false;
            }
            PskCredentials credentials;
            try {
                credentials = cards.pskCredentials(eid);
            } catch (CardException e) {
                outcome = "not_registered";
                LOG.warn("Card {} cannot open an admin session: {}", eid, e.reason());
                return false;
            }
            if (!credentials.identity().equals(trigger.pskIdentity())) {
                outcome = "wrong_identity";
                LOG.warn("Card {} ignored a trigger for another PSK identity: {}", eid, trigger.pskIdentity());
                return false;
            }
            List<Notification> sent = cards.pendingNotifications(eid);
            outcome = session(eid, trigger, credentials, sent);
            return hasNewNotifications(eid, sent);
        } finally {
            sample.stop(meters.timer("openrsp.euicc.es5.session", "outcome", outcome));
            MDC.remove("eid");
        }
    }

    private String session(Eid eid, AdminSessionTrigger trigger, PskCredentials credentials, List<Notification> sent) {
        InetSocketAddress address = new InetSocketAddress(
                trigger.connection().address(), trigger.connection().port());
        RemoteAdminClient client = new RemoteAdminClient(
                eid, trigger.httpPost().adminHost(), trigger.httpPost().adminUri(), limits, clock);
        try (PskTlsConnector.Connection connection = connector.connect(address, credentials)) {
            RemoteAdminClient.SessionResult result = client.run(
                    connection.input(),
                    connection.output(),
                    Notification.encodeAll(sent),
                    (target, script) -> cards.execute(eid, target, script));
            LOG.debug(
                    "Card {} ended its admin session with {}: {} notifications, {} scripts",
                    eid,
                    address,
                    sent.size(),
                    result.scripts());
            return "completed";
        } catch (PskTlsException e) {
            LOG.warn("Card {}: {}", eid, e.getMessage());
            return "handshake_failed";
        } catch (AdminSessionException e) {
            LOG.warn("Card {} ended its admin session with {}: {} ({})", eid, address, e.getMessage(), e.reason());
            return "protocol_error";
        } catch (IOException e) {
            LOG.warn("Card {} lost its admin session with {}: {}", eid, address, e.toString());
            return "io_error";
        }
    }

    private boolean hasNewNotifications(Eid eid, List<Notification> sent) {
        Set<Integer> before = new HashSet<>();
        sent.forEach(n -> before.add(n.sequenceNumber()));
        return cards.pendingNotifications(eid).stream().anyMatch(n -> !before.contains(n.sequenceNumber()));
    }

    /** Whether the card is in an admin session now. */
    public boolean inSession(Eid eid) {
        return running.containsKey(eid);
    }

    /** The trigger left for the card's next session; touched only inside {@link ConcurrentHashMap#compute}. */
    private static final class Waiting {
        @Nullable
        AdminSessionTrigger next;
    }
}

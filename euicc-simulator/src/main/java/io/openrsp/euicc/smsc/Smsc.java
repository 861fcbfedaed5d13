package io.openrsp.euicc.smsc;

import io.micrometer.core.instrument.MeterRegistry;
import io.openrsp.euicc.card.CardException;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.es5.AdminAgent;
import io.openrsp.rsp.id.Eid;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * DESIGN.md §3.2 step 1 (3GPP TS 23.040 store-and-forward, reduced): the network's SMS-C. It accepts a
 * mobile-terminated SMS for a known card, answers at once with a message id, and delivers asynchronously on a
 * virtual thread to the card's ISD-R ({@link AdminAgent#onPushSms}). A card marked unreachable never gets the
 * message (a device out of coverage; deviation: no store-and-retry, the SM-SR pushes again when it needs to).
 *
 * <p>Metric {@code openrsp.smsc.messages} counts deliveries by outcome ({@code delivered}, {@code dropped}).
 */
@Service
public class Smsc implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Smsc.class);

    private final Cards cards;
    private final AdminAgent agent;
    private final SecureRandom random;
    private final MeterRegistry meters;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

    public Smsc(Cards cards, AdminAgent agent, SecureRandom random, MeterRegistry meters) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.random = Objects.requireNonNull(random, "random");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Accepts a message for delivery.
     *
     * @return the message id
     * @throws CardException {@code UNKNOWN_EID} if no card has this EID
     */
    public UUID submit(MtSms.Submission sms) {
        Eid eid = sms.eid();
        if (!cards.exists(eid)) {
            throw new CardException(CardException.Reason.UNKNOWN_EID, eid);
        }
        UUID messageId = messageId();
        byte[] packet = sms.commandPacket();
        deliveries.execute(() -> deliver(messageId, eid, packet));
        return messageId;
    }

    private void deliver(UUID messageId, Eid eid, byte[] packet) {
        try {
            if (!cards.isReachable(eid)) {
                LOG.debug("SMS {} to {} dropped: the card is unreachable", messageId, eid);
                meters.counter("openrsp.smsc.messages", "outcome", "dropped").increment();
                return;
            }
            meters.counter("openrsp.smsc.messages", "outcome", "delivered").increment();
            agent.onPushSms(eid, packet);
        } catch (RuntimeException e) {
            LOG.warn("SMS {} to {}: delivery failed: {}", messageId, eid, e.toString());
        }
    }

    /** A version 4 UUID from the injected generator (STYLE.md rule 11). */
    private UUID messageId() {
        long high = random.nextLong();
        long low = random.nextLong();
        return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** Stops delivering; interrupts sessions still running (their sockets close). */
    @Override
    public void close() {
        deliveries.shutdownNow();
        try {
            if (!deliveries.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("SMS-C deliveries still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

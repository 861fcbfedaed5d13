package io.openrsp.euicc.card;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * DESIGN.md §10 (100,000 cards in a bounded heap): the in-memory {@link Es8Session}s of the ISD-Ps, keyed by EID and
 * AID, bounded in number (least recently used dropped first) and expiring after a time without access, so an
 * abandoned download does not hold its plaintext for ever. A dropped session only means the host has to start its
 * exchange again. Thread-safe (one lock; the work on a session happens outside it, under the card's lock).
 *
 * <p>An evicted or expired session is not wiped here: another card's thread must not touch it, as its own card may
 * still be using it; it becomes garbage once that use ends. {@link #remove} runs under the card's lock and wipes.
 */
final class Es8Sessions {

    /** Default bound: one session per card of a 100,000-card fleet. */
    static final int DEFAULT_MAX_SESSIONS = 100_000;

    /** Default idle time after which a session is dropped. */
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

    private record Key(Eid eid, Aid isdp) {}

    private final Clock clock;
    private final Duration expireAfterAccess;
    private final LinkedHashMap<Key, Es8Session> sessions;

    Es8Sessions(Clock clock, int maxSessions, Duration expireAfterAccess) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expireAfterAccess = Objects.requireNonNull(expireAfterAccess, "expireAfterAccess");
        if (maxSessions <= 0) {
            throw new IllegalArgumentException("maxSessions must be positive");
        }
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Es8Session> eldest) {
                return size() > maxSessions;
            }
        };
    }

    /** The session of {@code isdp}, a fresh one if there is none or it expired. */
    Es8Session session(Eid eid, Aid isdp) {
        Instant now = clock.instant();
        synchronized (sessions) {
            expire(now);
            Es8Session session = sessions.computeIfAbsent(new Key(eid, isdp), k -> new Es8Session(now));
            session.touch(now);
            return session;
        }
    }

    /** Drops the session of {@code isdp}, if any (the ISD-P was deleted, or its state is no longer trusted). */
    void remove(Eid eid, Aid isdp) {
        Es8Session removed;
        synchronized (sessions) {
            removed = sessions.remove(new Key(eid, isdp));
        }
        if (removed != null) {
            removed.drop();
        }
    }

    int size() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    /** Drops expired sessions from the least recently used end (access order), stopping at the first live one. */
    private void expire(Instant now) {
        Instant cutoff = now.minus(expireAfterAccess);
        Iterator<Es8Session> oldest = sessions.values().iterator();
        while (oldest.hasNext()) {
            Es8Session session = oldest.next();
            if (session.lastAccess().isAfter(cutoff)) {
                return;
            }
            oldest.remove();
        }
    }
}

package io.openrsp.smsr.es5;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.scp80.Scp80KeySet;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.CardCredentials;
import io.openrsp.smsr.eis.UnknownEidException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Test fixture: the EIS's {@link CardCredentials} in memory, for cards a test registers with fresh random keys. */
final class FakeCardCredentials implements CardCredentials {

    static final int PSK_KVN = 0x40;
    static final int PSK_KID = 0x01;

    private final SecureRandom random = new SecureRandom();
    private final Map<Eid, Card> cards = new ConcurrentHashMap<>();

    /** A registered card's keys, as the card itself would hold them. */
    static final class Card {
        final byte[] psk;
        final Scp80KeySet scp80;
        Scp80CounterState lastSent = Scp80CounterState.initial();

        Card(byte[] psk, Scp80KeySet scp80) {
            this.psk = psk;
            this.scp80 = scp80;
        }
    }

    Card register(Eid eid) {
        byte[] psk = new byte[16];
        random.nextBytes(psk);
        Scp80KeySet keys = new Scp80KeySet(0x01, aesKey(), aesKey());
        Card card = new Card(psk, keys);
        cards.put(eid, card);
        return card;
    }

    private AesKey aesKey() {
        return AesKey.generate(16, random);
    }

    @Override
    public Optional<SecretBytes> psk(Eid eid, int kvn, int kid) {
        Card card = cards.get(eid);
        if (card == null || kvn != PSK_KVN || kid != PSK_KID) {
            return Optional.empty();
        }
        return Optional.of(SecretBytes.copyOf(card.psk));
    }

    @Override
    public <T> T withScp80Sender(Eid eid, Function<Scp80Sender, T> fn) {
        Card card = cards.get(eid);
        if (card == null) {
            throw new UnknownEidException(eid);
        }
        synchronized (card) {
            Scp80Sender sender = Scp80Sender.create(card.scp80, card.lastSent);
            T result = fn.apply(sender);
            card.lastSent = sender.counterState();
            return result;
        }
    }
}

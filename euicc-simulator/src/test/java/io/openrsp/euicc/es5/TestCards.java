package io.openrsp.euicc.es5;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.crypto.scp80.Scp80Spi;
import io.openrsp.crypto.scp80.Tar;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.crypto.wrap.EcasdKeyWrap;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.NewCard;
import io.openrsp.euicc.factory.EidGenerator;
import io.openrsp.euicc.factory.Eum;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.scp81.ConnectionParameters;
import io.openrsp.rsp.scp81.HttpPostParameters;
import io.openrsp.rsp.scp81.PskIdentity;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Test fixture: registered cards made the way the factory and the SM-SR would (ECASD key, EUM certificate, key
 * material wrapped for the ECASD), keeping what the SM-SR side would know (the key material) to build push SMS.
 */
final class TestCards {

    static final String SMSR_ID = "SM-SR-TEST";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Tar ISD_R_TAR = new Tar(0x000001);
    private static final Scp80Spi SPI = Scp80Spi.withChecksum(
            true, Scp80Spi.CounterMode.COUNTER_HIGHER, Scp80Spi.PorMode.NONE, false, false, false);

    private final Eum eum;
    private final EidGenerator eids = new EidGenerator("890490320000900000", RANDOM);

    TestCards(TestPki pki) {
        this.eum = Eum.load(pki.file("eum.crt"), pki.file("eum.key"), null, Clock.systemUTC(), RANDOM);
    }

    /** A new card, registered in {@code cards}, with the SM-SR's copy of its keys. */
    RegisteredCard register(Cards cards) {
        Eid eid = eids.next();
        EcKeyPair keys = EcKeyPair.generate(RANDOM);
        cards.create(new NewCard(eid, keys, eum.issueEcasdCertificate(eid, keys.publicKey()), 512 * 1024));
        CardKeyMaterial material = CardKeyMaterial.generate(RANDOM);
        byte[] wrapped =
                EcasdKeyWrap.wrap(keys.publicKey(), material, EcasdKeyWrap.sharedInfo(SMSR_ID, eid.toBytes()), RANDOM);
        cards.installKeys(eid, wrapped, SMSR_ID);
        return new RegisteredCard(eid, material, Scp80Sender.create(material.scp80(), Scp80CounterState.initial()));
    }

    /** A card as the SM-SR knows it: EID, key material, and its SCP80 sender (counter included). */
    record RegisteredCard(Eid eid, CardKeyMaterial material, Scp80Sender sender) {

        PskIdentity identity() {
            return PskIdentity.ofIsdR(eid, material.pskKid(), material.pskKvn());
        }

        /** The trigger for an admin session with the server on 127.0.0.1:{@code port}. */
        AdminSessionTrigger trigger(int port) {
            return new AdminSessionTrigger(
                    ConnectionParameters.of(1024, InetAddress.getLoopbackAddress(), port),
                    identity(),
                    Optional.empty(),
                    HttpPostParameters.of("127.0.0.1", "/gsma/adminagent"));
        }

        /** A push SMS (the SCP80 command packet) carrying the trigger for {@code port}; each uses a new counter. */
        synchronized byte[] pushSms(int port) {
            try {
                return sender.commandPacket(SPI, ISD_R_TAR, trigger(port).encode())
                        .bytes();
            } catch (CryptoException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

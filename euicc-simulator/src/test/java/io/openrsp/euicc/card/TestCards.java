package io.openrsp.euicc.card;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.crypto.scp80.Scp80Spi;
import io.openrsp.crypto.scp80.Tar;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.crypto.wrap.EcasdKeyWrap;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.scp81.ConnectionParameters;
import io.openrsp.rsp.scp81.HttpPostParameters;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.scp81.RetryPolicy;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/**
 * Test fixture: cards as the factory makes them, and the SM-SR side of their registration and push SMS (key
 * material wrapped for a card's ECASD, SCP80 command packets), so tests of the card store need no SM-SR.
 */
public final class TestCards {

    public static final String SMSR_ID = "SM-SR-TEST";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A stand-in for CERT.ECASD.ECKA: the card store keeps the DER opaque. */
    private static final byte[] CERTIFICATE = {0x30, 0x03, 0x02, 0x01, 0x01};

    private TestCards() {}

    /** A valid EID whose serial part is {@code serial}, under a prefix of {@code prefix} (a test's own range). */
    public static Eid eid(int prefix, long serial) {
        return Eid.withCheckDigits(String.format("8904903200%06d%014d", prefix, serial));
    }

    public static NewCard newCard(Eid eid, long memoryBytes) {
        return new NewCard(eid, EcKeyPair.generate(RANDOM), CERTIFICATE, memoryBytes);
    }

    /** The SM-SR's side of ES1 for one card: the key material it generated and what it returns wrapped. */
    public record Registration(CardKeyMaterial material, byte[] wrapped) {}

    public static Registration registration(NewCard card, String smsrId) {
        CardKeyMaterial material = CardKeyMaterial.generate(RANDOM);
        byte[] wrapped = EcasdKeyWrap.wrap(
                card.ecasdKeys().publicKey(),
                material,
                EcasdKeyWrap.sharedInfo(smsrId, card.eid().toBytes()),
                RANDOM);
        return new Registration(material, wrapped);
    }

    /** The SM-SR's SCP80 sender for the card's ISD-R, starting from a fresh counter. */
    public static Scp80Sender sender(CardKeyMaterial material) {
        return Scp80Sender.create(material.scp80(), Scp80CounterState.initial());
    }

    /** The triggering parameters the SM-SR sends: PSK-TLS to 127.0.0.1:{@code port}, the default admin URI. */
    public static AdminSessionTrigger trigger(Eid eid, CardKeyMaterial material, int port) {
        return new AdminSessionTrigger(
                ConnectionParameters.of(1024, InetAddress.getLoopbackAddress(), port),
                PskIdentity.ofIsdR(eid, material.pskKid(), material.pskKvn()),
                Optional.of(new RetryPolicy(2, Duration.ofSeconds(30))),
                HttpPostParameters.of("127.0.0.1", "/gsma/adminagent"));
    }

    /** A push SMS command packet as the SM-SR builds it (DESIGN.md §3.2): ciphered, CC, counter higher. */
    public static byte[] pushSms(Scp80Sender sender, int tar, byte[] securedData) throws CryptoException {
        Scp80Spi spi = Scp80Spi.withChecksum(
                true, Scp80Spi.CounterMode.COUNTER_HIGHER, Scp80Spi.PorMode.NONE, false, false, false);
        return sender.commandPacket(spi, new Tar(tar), securedData).bytes();
    }
}

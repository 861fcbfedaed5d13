package io.openrsp.euicc.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp03.Scp03tHost;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es8.Es8StoreData;
import io.openrsp.rsp.es8.HostKeyEstablishment;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageEncoder;
import io.openrsp.rsp.saip.RawProfileElement;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: the SM-DP side of ES8 as {@code io.openrsp.rsp.es8} and {@link Scp03tHost} build it (the real host
 * code, no second implementation), talking to a card through scripts: key establishment with the SM-DP certificate and
 * key of a {@link TestPki}, and SCP03t downloads cut into STORE DATA sequences of at most 200 blocks.
 */
public final class TestEs8Host {

    public static final String SMDP_ID = "SM-DP-TEST";
    public static final int MAX_BLOCKS = 200;
    public static final Iccid ICCID = Iccid.withLuhn("898822000000000001");
    public static final Imsi IMSI = Imsi.of("001010123456789");

    /** The card end: runs one script at the ISD-P. */
    @FunctionalInterface
    public interface Card {
        ResponseScript send(CommandScript script);
    }

    private final byte[] certificate;
    private final EcPrivateKey key;
    private final SecureRandom random = new SecureRandom();

    private TestEs8Host(byte[] certificate, EcPrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** The host holding {@code pki}'s SM-DP certificate and key. */
    public static TestEs8Host of(TestPki pki) {
        return of(pki.file("sm-dp.crt").getParent());
    }

    /** The host holding the SM-DP certificate and key of the PKI directory {@code directory}. */
    public static TestEs8Host of(Path directory) {
        try {
            byte[] der =
                    Pem.readCertificate(read(directory.resolve("sm-dp.crt"))).getEncoded();
            byte[] pkcs8 =
                    Pem.readPrivateKey(read(directory.resolve("sm-dp.key"))).getEncoded();
            return new TestEs8Host(der, EcPrivateKey.fromPkcs8(SecretBytes.copyOf(pkcs8)));
        } catch (PkiException | CryptoException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public HostKeyEstablishment start(EcPublicKey pkEcasd) {
        return HostKeyEstablishment.start(certificate, key, SMDP_ID, pkEcasd, random);
    }

    /** The whole key establishment, every step answered {@code 9000}; the key set the receipt proves. */
    public Scp03KeySet establish(Card card, EcPublicKey pkEcasd) throws Exception {
        HostKeyEstablishment host = start(pkEcasd);
        byte[] challenge = data(send(card, host.certificateTlv()));
        byte[] receipt = data(send(card, host.keyAgreementTlv(challenge)));
        return host.finish(receipt);
    }

    /** An SCP03t session following {@code last} on {@code keySet}. */
    public Scp03tHost download(Scp03KeySet keySet, Scp03SequenceCounter last) throws CryptoException {
        return Scp03tHost.create(keySet, last, random);
    }

    /** One script carrying {@code tlvs} as one STORE DATA sequence. */
    public static ResponseScript send(Card card, byte[]... tlvs) {
        return card.send(new CommandScript(Es8StoreData.sequence(List.of(tlvs))));
    }

    /**
     * Sends the SCP03t {@code tlvs} as consecutive sequences of at most {@value #MAX_BLOCKS} blocks, one script each,
     * stopping after the first script that does not end in {@code 9000}.
     *
     * @return the response of every script sent
     */
    public static List<ResponseScript> sendStream(Card card, List<byte[]> tlvs) {
        List<ResponseScript> responses = new ArrayList<>();
        for (List<CommandApdu> sequence : Es8StoreData.sequences(tlvs, MAX_BLOCKS)) {
            ResponseScript response = card.send(new CommandScript(sequence));
            responses.add(response);
            if (response.responses().size() != sequence.size()
                    || !response.responses().getLast().isSuccess()) {
                break;
            }
        }
        return responses;
    }

    /** The data of the last R-APDU, which must be {@code 9000}, the only one with data. */
    public static byte[] data(ResponseScript response) {
        assertThat(response.lastStatusWord()).contains(StatusWord.NO_ERROR);
        return response.responses().getLast().data();
    }

    /** A demo profile; with {@code padding} > 0 an extra unknown element of that many bytes (several segments). */
    public static ProfilePackage profile(int padding) {
        byte[] ki = new byte[16];
        byte[] opc = new byte[16];
        new SecureRandom().nextBytes(ki);
        new SecureRandom().nextBytes(opc);
        List<RawProfileElement> others = new ArrayList<>();
        if (padding > 0) {
            others.add(RawProfileElement.of(unknownElement(padding)));
        }
        return new ProfilePackage("Test profile", ICCID, IMSI, ki, opc, others);
    }

    public static byte[] encode(ProfilePackage profile) {
        return ProfilePackageEncoder.encode(profile);
    }

    /** {@code [100] { OCTET STRING of length zero bytes }}: an element a later package version might carry. */
    private static byte[] unknownElement(int length) {
        byte[] octets = concat(new byte[] {0x04}, derLength(length), new byte[length]);
        return concat(new byte[] {(byte) 0xBF, 0x64}, derLength(octets.length), octets);
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >>> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}

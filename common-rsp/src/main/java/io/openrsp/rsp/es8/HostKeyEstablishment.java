package io.openrsp.rsp.es8;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.EcdsaP256Signer;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.ec.Ecka;
import io.openrsp.crypto.scp03.Scp03KeySet;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §4.1.3.2 (ES8 EstablishISDPKeySet) with GlobalPlatform Card Specification v2.3 Amendment E
 * scenario #3, SM-DP side: {@code 3A01} (CERT.DP.ECDSA), then {@code 3A02} (CRT, ephemeral key ePK.DP, signature
 * over them and the card's challenge), then the check of the card's receipt, which proves the card holds
 * SK.ECASD and derived the same key set. Byte layouts and the platform's choices: {@link KeyEstablishment}.
 *
 * <p>The ephemeral private key lives only between {@link #keyAgreementTlv} and {@link #finish}. Not thread-safe;
 * one instance per key establishment, its methods called once each, in order.
 */
public final class HostKeyEstablishment {

    private enum State {
        CERTIFICATE_SENT,
        KEY_AGREEMENT_SENT,
        FINISHED
    }

    private final byte[] certificateTlv;
    private final EcPrivateKey smdpKey;
    private final byte[] hostId;
    private final EcPublicKey pkEcasd;
    private final SecureRandom random;
    private State state = State.CERTIFICATE_SENT;
    private byte[] crt;
    private EcPrivateKey ephemeralKey;

    private HostKeyEstablishment(
            byte[] certificateTlv, EcPrivateKey smdpKey, byte[] hostId, EcPublicKey pkEcasd, SecureRandom random) {
        this.certificateTlv = certificateTlv;
        this.smdpKey = smdpKey;
        this.hostId = hostId;
        this.pkEcasd = pkEcasd;
        this.random = random;
    }

    /**
     * Starts a key establishment.
     *
     * @param smdpCertificateDer CERT.DP.ECDSA, X.509 DER
     * @param smdpKey its private key (signs {@code 3A02})
     * @param hostId the SM-DP id, printable ASCII, 1..16 characters
     * @param pkEcasd the card's ECASD public key, already validated by the caller (CI → EUM → ECASD)
     * @throws IllegalArgumentException if the certificate is empty or the host id out of range
     */
    public static HostKeyEstablishment start(
            byte[] smdpCertificateDer, EcPrivateKey smdpKey, String hostId, EcPublicKey pkEcasd, SecureRandom random) {
        Objects.requireNonNull(smdpCertificateDer, "smdpCertificateDer");
        if (smdpCertificateDer.length == 0) {
            throw new IllegalArgumentException("the SM-DP certificate is empty");
        }
        return new HostKeyEstablishment(
                Es8Tlv.encode(Es8Tags.CERTIFICATE, smdpCertificateDer),
                Objects.requireNonNull(smdpKey, "smdpKey"),
                KeyEstablishment.hostIdBytes(Objects.requireNonNull(hostId, "hostId")),
                Objects.requireNonNull(pkEcasd, "pkEcasd"),
                Objects.requireNonNull(random, "random"));
    }

    /** The {@code 3A01} TLV: {@code 3A01 L <CERT.DP.ECDSA>}. */
    public byte[] certificateTlv() {
        return certificateTlv.clone();
    }

    /**
     * Reads the card's answer to {@code 3A01} and returns the {@code 3A02} TLV, with an ephemeral key pair made
     * here: {@code 3A02 L { A6 CRT | 7F49 { B0 ePK.DP | F0 01 00 } | 5F37 40 signature }}.
     *
     * @throws Es8FormatException if the answer is not {@code 85 10 <16 bytes>}
     * @throws IllegalStateException if called twice or after {@link #finish}
     */
    public byte[] keyAgreementTlv(byte[] cardAnswerTo3A01) throws Es8FormatException {
        Objects.requireNonNull(cardAnswerTo3A01, "cardAnswerTo3A01");
        requireState(State.CERTIFICATE_SENT);
        byte[] challenge = Es8Tlv.valueOf(cardAnswerTo3A01, KeyEstablishment.TAG_RANDOM, "card challenge");
        if (challenge.length != KeyEstablishment.RANDOM_LENGTH) {
            throw new Es8FormatException("card challenge of " + challenge.length + " bytes, not 16");
        }
        EcKeyPair ephemeral = EcKeyPair.generate(random);
        crt = KeyEstablishment.crt(hostId);
        byte[] publicKey = Es8Tlv.encode(
                KeyEstablishment.TAG_PUBLIC_KEY,
                Es8Tlv.encode(
                        KeyEstablishment.TAG_EPHEMERAL_KEY,
                        ephemeral.publicKey().toUncompressed()),
                Es8Tlv.encode(KeyEstablishment.TAG_KEY_PARAMETER_REFERENCE, KeyEstablishment.P256_REFERENCE));
        byte[] signature = new EcdsaP256Signer(smdpKey, EcdsaSignatureFormat.RAW, random)
                .sign(Bytes.concat(crt, publicKey, KeyEstablishment.randomTlv(challenge)));
        ephemeralKey = ephemeral.privateKey();
        state = State.KEY_AGREEMENT_SENT;
        return Es8Tlv.encode(
                Es8Tags.KEY_AGREEMENT, crt, publicKey, Es8Tlv.encode(KeyEstablishment.TAG_SIGNATURE, signature));
    }

    /**
     * Reads the card's answer to {@code 3A02}, {@code 85 10 DR 86 10 receipt}, derives the key set and checks the
     * receipt in constant time. The ephemeral private key is dropped whatever the outcome.
     *
     * @return the ISD-P's SCP03 key set, KVN {@code 30}
     * @throws Es8FormatException if the answer is not {@code 85 10 <16 bytes> 86 10 <16 bytes>}
     * @throws ReceiptException if the receipt does not verify
     * @throws IllegalStateException if called before {@link #keyAgreementTlv} or twice
     */
    public Scp03KeySet finish(byte[] cardAnswerTo3A02) throws Es8FormatException, ReceiptException {
        Objects.requireNonNull(cardAnswerTo3A02, "cardAnswerTo3A02");
        requireState(State.KEY_AGREEMENT_SENT);
        EcPrivateKey ephemeral = ephemeralKey;
        ephemeralKey = null;
        state = State.FINISHED;
        int split = KeyEstablishment.RANDOM_LENGTH + 2;
        if (cardAnswerTo3A02.length != 2 * split) {
            throw new Es8FormatException(
                    "answer to 3A02 of " + cardAnswerTo3A02.length + " bytes, not 85 10 <DR> 86 10 <receipt>");
        }
        byte[] dr = Es8Tlv.valueOf(Arrays.copyOfRange(cardAnswerTo3A02, 0, split), KeyEstablishment.TAG_RANDOM, "DR");
        byte[] receipt = Es8Tlv.valueOf(
                Arrays.copyOfRange(cardAnswerTo3A02, split, cardAnswerTo3A02.length),
                KeyEstablishment.TAG_RECEIPT,
                "receipt");
        if (dr.length != KeyEstablishment.RANDOM_LENGTH || receipt.length != KeyEstablishment.RECEIPT_LENGTH) {
            throw new Es8FormatException("answer to 3A02: DR and receipt must be 16 bytes each");
        }
        KeyEstablishment.Keys keys =
                KeyEstablishment.derive(new Ecka(ephemeral, random).computeSharedSecret(pkEcasd), dr, hostId);
        try {
            new AesCmac(keys.receiptKey()).verifyMac(receipt, crt, KeyEstablishment.randomTlv(dr));
        } catch (CryptoException e) {
            throw new ReceiptException();
        } finally {
            keys.receiptKey().secret().destroy();
        }
        return keys.keySet();
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("key establishment step out of order: " + state);
        }
    }

    @Override
    public String toString() {
        return "HostKeyEstablishment[" + state + ", keys redacted]";
    }
}

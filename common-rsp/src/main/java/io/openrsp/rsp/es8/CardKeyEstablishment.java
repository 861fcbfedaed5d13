package io.openrsp.rsp.es8;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.EcdsaP256Verifier;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.ec.Ecka;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.rsp.es8.KeyEstablishmentRefusal.Reason;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §4.1.3.2 (ES8 EstablishISDPKeySet) with GlobalPlatform Card Specification v2.3 Amendment E
 * scenario #3, card side: the ISD-P's view. {@code 3A01}: CERT.DP.ECDSA must validate against the CI as an
 * SM-DP certificate; the card answers a fresh challenge. {@code 3A02}: the CRT must be exactly this platform's,
 * the SM-DP's signature over CRT, ePK.DP and the challenge must verify with PK.DP; the card then derives the key
 * set and answers DR and the receipt. Byte layouts and the platform's choices: {@link KeyEstablishment}.
 *
 * <p>Holds SK.ECASD through an {@link EcPrivateKey}; ShS and KeyData never leave this class (ShS is destroyed
 * once used). One instance per attempt: after {@code 3A02}, or after any refusal, the attempt is over and every
 * further command is refused with {@link Reason#SEQUENCE}. Deviation from GP Amd E: CERT.DP.ECDSA is X.509 DER
 * (DESIGN.md §11), and the host id in the CRT is not compared with the certificate. Not thread-safe.
 */
public final class CardKeyEstablishment {

    private enum State {
        AWAITING_CERTIFICATE,
        AWAITING_KEY_AGREEMENT,
        OVER
    }

    /**
     * What the card answers to a good {@code 3A02} ({@code 85 10 DR 86 10 receipt}) and the key set it now holds.
     */
    public record Result(byte[] answer, Scp03KeySet keySet) {
        public Result {
            answer = Objects.requireNonNull(answer, "answer").clone();
            Objects.requireNonNull(keySet, "keySet");
        }

        /** A copy of the answer data. */
        @Override
        public byte[] answer() {
            return answer.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(r.answer, answer) && r.keySet.equals(keySet);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(answer) + keySet.hashCode();
        }

        @Override
        public String toString() {
            return "Result[answer=" + answer.length + " bytes, keySet=redacted]";
        }
    }

    private final CertificatePaths ciTrust;
    private final EcPrivateKey skEcasd;
    private final SecureRandom random;
    private State state = State.AWAITING_CERTIFICATE;
    private EcPublicKey pkDp;
    private byte[] challenge;

    private CardKeyEstablishment(CertificatePaths ciTrust, EcPrivateKey skEcasd, SecureRandom random) {
        this.ciTrust = ciTrust;
        this.skEcasd = skEcasd;
        this.random = random;
    }

    /** A new attempt: {@code ciTrust} validates CERT.DP.ECDSA, {@code skEcasd} is the card's ECASD key. */
    public static CardKeyEstablishment start(CertificatePaths ciTrust, EcPrivateKey skEcasd, SecureRandom random) {
        return new CardKeyEstablishment(
                Objects.requireNonNull(ciTrust, "ciTrust"),
                Objects.requireNonNull(skEcasd, "skEcasd"),
                Objects.requireNonNull(random, "random"));
    }

    /**
     * Processes {@code 3A01}: parses CERT.DP.ECDSA, validates it against the CI with profile SM_DP, keeps PK.DP
     * and makes the challenge.
     *
     * @return the answer data {@code 85 10 <challenge>}
     * @throws KeyEstablishmentRefusal MALFORMED ({@code 6A80}) if the TLV or the DER is not well formed,
     *     CERTIFICATE_INVALID ({@code 6982}) if the certificate does not validate, SEQUENCE ({@code 6985}) if
     *     this attempt is past its {@code 3A01}
     */
    public byte[] acceptCertificate(byte[] tlv3A01) throws KeyEstablishmentRefusal {
        Objects.requireNonNull(tlv3A01, "tlv3A01");
        if (state != State.AWAITING_CERTIFICATE) {
            state = State.OVER;
            throw refusal(Reason.SEQUENCE, "3A01 after the certificate step");
        }
        state = State.OVER; // until this step succeeds
        byte[] der = value(tlv3A01, Es8Tags.CERTIFICATE, "3A01");
        X509Certificate certificate = parseCertificate(der);
        try {
            ciTrust.validate(List.of(certificate), CertificateProfile.SM_DP);
        } catch (PkiException e) {
            throw refusal(Reason.CERTIFICATE_INVALID, "CERT.DP.ECDSA: " + e.reason());
        }
        try {
            if (!(certificate.getPublicKey() instanceof ECPublicKey ec)) {
                throw refusal(Reason.CERTIFICATE_INVALID, "CERT.DP.ECDSA holds no EC key");
            }
            pkDp = EcPublicKey.fromJca(ec);
        } catch (CryptoException e) {
            throw refusal(Reason.CERTIFICATE_INVALID, "CERT.DP.ECDSA holds no P-256 key");
        }
        challenge = new byte[KeyEstablishment.RANDOM_LENGTH];
        random.nextBytes(challenge);
        state = State.AWAITING_KEY_AGREEMENT;
        return KeyEstablishment.randomTlv(challenge);
    }

    /**
     * Processes {@code 3A02}: checks the CRT values (scenario {@code 03 00}, qualifier {@code 5C}, type {@code
     * 88}, length {@code 10}, KVN {@code 30}, host id 1..16 printable ASCII), verifies the signature with PK.DP,
     * derives the key set. The attempt is over afterwards, whatever the outcome.
     *
     * @throws KeyEstablishmentRefusal SEQUENCE ({@code 6985}) without a good {@code 3A01} before, MALFORMED
     *     ({@code 6A80}) for a TLV, CRT or key that is not as expected, SIGNATURE_INVALID ({@code 6982})
     */
    public Result acceptKeyAgreement(byte[] tlv3A02) throws KeyEstablishmentRefusal {
        Objects.requireNonNull(tlv3A02, "tlv3A02");
        if (state != State.AWAITING_KEY_AGREEMENT) {
            state = State.OVER;
            throw refusal(Reason.SEQUENCE, "3A02 without a good 3A01 before it");
        }
        state = State.OVER;
        byte[] value = value(tlv3A02, Es8Tags.KEY_AGREEMENT, "3A02");
        List<byte[]> parts = children(value, 3, "3A02");
        byte[] crt = parts.get(0);
        byte[] publicKeyTlv = parts.get(1);
        byte[] hostId = checkCrt(crt);
        EcPublicKey ephemeral = ephemeralKey(publicKeyTlv);
        byte[] signature = value(parts.get(2), KeyEstablishment.TAG_SIGNATURE, "5F37");
        if (signature.length != KeyEstablishment.SIGNATURE_LENGTH) {
            throw refusal(Reason.MALFORMED, "5F37 of " + signature.length + " bytes, not 64");
        }
        try {
            new EcdsaP256Verifier(pkDp, EcdsaSignatureFormat.RAW)
                    .verify(signature, Bytes.concat(crt, publicKeyTlv, KeyEstablishment.randomTlv(challenge)));
        } catch (CryptoException e) {
            throw refusal(Reason.SIGNATURE_INVALID, "the SM-DP signature does not verify");
        }
        byte[] dr = new byte[KeyEstablishment.RANDOM_LENGTH];
        random.nextBytes(dr);
        KeyEstablishment.Keys keys =
                KeyEstablishment.derive(new Ecka(skEcasd, random).computeSharedSecret(ephemeral), dr, hostId);
        AesKey receiptKey = keys.receiptKey();
        try {
            byte[] receipt = KeyEstablishment.receipt(receiptKey, crt, dr);
            return new Result(
                    Bytes.concat(KeyEstablishment.randomTlv(dr), Es8Tlv.encode(KeyEstablishment.TAG_RECEIPT, receipt)),
                    keys.keySet());
        } finally {
            receiptKey.secret().destroy();
        }
    }

    /** The host id, after checking that {@code crt} is exactly this platform's CRT for it. */
    private static byte[] checkCrt(byte[] crt) throws KeyEstablishmentRefusal {
        byte[] value = value(crt, KeyEstablishment.TAG_CRT, "CRT");
        List<byte[]> fields = children(value, 6, "CRT");
        expect(fields.get(0), KeyEstablishment.TAG_SCENARIO, KeyEstablishment.SCENARIO_3, "scenario (90)");
        expectByte(fields.get(1), KeyEstablishment.TAG_KEY_USAGE_QUALIFIER, KeyEstablishment.KEY_USAGE_QUALIFIER, "95");
        expectByte(fields.get(2), KeyEstablishment.TAG_KEY_TYPE, KeyEstablishment.KEY_TYPE_AES, "key type (80)");
        expectByte(fields.get(3), KeyEstablishment.TAG_KEY_LENGTH, KeyEstablishment.KEY_LENGTH, "key length (81)");
        expectByte(fields.get(4), KeyEstablishment.TAG_KVN, KeyEstablishment.KVN, "KVN (83)");
        byte[] hostId = value(fields.get(5), KeyEstablishment.TAG_HOST_ID, "host id (84)");
        if (hostId.length == 0 || hostId.length > KeyEstablishment.MAX_HOST_ID) {
            throw refusal(Reason.MALFORMED, "host id of " + hostId.length + " bytes");
        }
        for (byte b : hostId) {
            if (b < 0x20 || b > 0x7E) {
                throw refusal(Reason.MALFORMED, "host id is not printable ASCII");
            }
        }
        return hostId;
    }

    private static EcPublicKey ephemeralKey(byte[] publicKeyTlv) throws KeyEstablishmentRefusal {
        byte[] value = value(publicKeyTlv, KeyEstablishment.TAG_PUBLIC_KEY, "7F49");
        List<byte[]> fields = children(value, 2, "7F49");
        byte[] point = value(fields.get(0), KeyEstablishment.TAG_EPHEMERAL_KEY, "ePK.DP (B0)");
        expect(
                fields.get(1),
                KeyEstablishment.TAG_KEY_PARAMETER_REFERENCE,
                KeyEstablishment.P256_REFERENCE,
                "key parameter reference (F0)");
        try {
            return EcPublicKey.fromUncompressed(point);
        } catch (CryptoException e) {
            throw refusal(Reason.MALFORMED, "ePK.DP is not a valid P-256 point");
        }
    }

    private static void expectByte(byte[] tlv, int tag, int expected, String name) throws KeyEstablishmentRefusal {
        expect(tlv, tag, new byte[] {(byte) expected}, name);
    }

    private static void expect(byte[] tlv, int tag, byte[] expected, String name) throws KeyEstablishmentRefusal {
        if (!Arrays.equals(value(tlv, tag, name), expected)) {
            throw refusal(Reason.MALFORMED, name + " has a value other than this platform's");
        }
    }

    private static byte[] value(byte[] tlv, int tag, String name) throws KeyEstablishmentRefusal {
        try {
            return Es8Tlv.valueOf(tlv, tag, name);
        } catch (Es8FormatException e) {
            throw refusal(Reason.MALFORMED, name + ": " + e.getMessage());
        }
    }

    /** Exactly {@code count} TLVs filling {@code value}, each whole. */
    private static List<byte[]> children(byte[] value, int count, String name) throws KeyEstablishmentRefusal {
        List<byte[]> out = new ArrayList<>(count);
        int offset = 0;
        try {
            while (offset < value.length) {
                Es8Tlv.Header header = Es8Tlv.readHeader(value, offset, value.length);
                if (header == null || header.totalLength() > value.length - offset) {
                    throw refusal(Reason.MALFORMED, name + ": truncated TLV at offset " + offset);
                }
                out.add(Arrays.copyOfRange(value, offset, offset + header.totalLength()));
                offset += header.totalLength();
            }
        } catch (Es8FormatException e) {
            throw refusal(Reason.MALFORMED, name + ": " + e.getMessage());
        }
        if (out.size() != count) {
            throw refusal(Reason.MALFORMED, name + " holds " + out.size() + " TLVs, not " + count);
        }
        return out;
    }

    private static X509Certificate parseCertificate(byte[] der) throws KeyEstablishmentRefusal {
        try {
            var certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            // The factory stops after one certificate; the TLV must hold nothing else.
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw refusal(Reason.MALFORMED, "3A01 holds more than one DER certificate");
            }
            return certificate;
        } catch (CertificateException | RuntimeException e) {
            // Hostile DER can make the JDK's parser throw unchecked exceptions too; all mean "not a certificate".
            throw refusal(Reason.MALFORMED, "3A01 does not hold a DER X.509 certificate");
        }
    }

    private static KeyEstablishmentRefusal refusal(Reason reason, String message) {
        return new KeyEstablishmentRefusal(reason, message);
    }

    @Override
    public String toString() {
        return "CardKeyEstablishment[" + state + ", keys redacted]";
    }
}

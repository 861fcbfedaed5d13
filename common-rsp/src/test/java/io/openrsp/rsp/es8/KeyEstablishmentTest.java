package io.openrsp.rsp.es8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.EcdsaP256Verifier;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.ec.Ecka;
import io.openrsp.crypto.kdf.X963Kdf;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es8.KeyEstablishmentRefusal.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link HostKeyEstablishment} against {@link CardKeyEstablishment} in one process: the same key set on both
 * sides, the byte layout pinned by independent computation, and every refusal with its exact reason.
 */
class KeyEstablishmentTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** {@code 3A02 81 A5}: the offset of the CRT in the 3A02 TLV. */
    private static final int CRT_AT = 4;
    /** The CRT TLV with host id "SMDP1": A6 17 + 23 bytes. */
    private static final String CRT_HEX = "A617" + "90020300" + "95015C" + "800188" + "810110" + "830130" + "8405"
            + HEX.formatHex("SMDP1".getBytes(StandardCharsets.US_ASCII));

    private static final int CRT_LENGTH = 25;
    private static final int EPK_AT = CRT_AT + CRT_LENGTH + 3 + 2; // after 7F49 46 and B0 41

    private static TestEs8Pki pki;

    @BeforeAll
    static void createPki() {
        pki = TestEs8Pki.create();
    }

    @Test
    void establishmentWhenHostAndCardFollowTheProtocolThenBothHoldTheSameKeySet() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());

        byte[] challenge = card.acceptCertificate(host.certificateTlv());
        CardKeyEstablishment.Result result = card.acceptKeyAgreement(host.keyAgreementTlv(challenge));
        Scp03KeySet hostKeys = host.finish(result.answer());

        assertThat(HEX.formatHex(challenge)).hasSize(36).startsWith("8510");
        assertThat(result.answer()).hasSize(36);
        assertThat(hostKeys.kvn()).isEqualTo(0x30);
        assertThat(result.keySet().kvn()).isEqualTo(0x30);
        assertSameKeys(hostKeys, result.keySet());
    }

    @Test
    void establishmentWhenCarriedInStoreDataSequencesThenCardReassemblesAndKeysMatch() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        var assembler = new StoreDataAssembler();

        byte[] answer1 = sendOne(assembler, host.certificateTlv(), card::acceptCertificate);
        List<CommandApdu> keyAgreement = Es8StoreData.sequence(List.of(host.keyAgreementTlv(answer1)));
        assertThat(keyAgreement).singleElement().satisfies(apdu -> {
            assertThat(apdu.p1()).isEqualTo(0x89);
            assertThat(apdu.p2()).isZero();
        });
        List<byte[]> tlvs = assembler.accept(keyAgreement.getFirst());
        CardKeyEstablishment.Result result = card.acceptKeyAgreement(tlvs.getFirst());

        assertSameKeys(host.finish(result.answer()), result.keySet());
    }

    @Test
    void keyAgreementWhenCardRandomIsFixedThenTlvsAndKeysFollowTheDocumentedLayout() throws Exception {
        byte[] fixed = new byte[16];
        Arrays.fill(fixed, (byte) 0xA5);
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(new FixedRandom((byte) 0xA5));

        byte[] answer1 = card.acceptCertificate(host.certificateTlv());
        byte[] tlv3A02 = host.keyAgreementTlv(answer1);
        CardKeyEstablishment.Result result = card.acceptKeyAgreement(tlv3A02);

        assertThat(HEX.formatHex(answer1)).isEqualTo("8510" + "A5".repeat(16));
        String hex = HEX.formatHex(tlv3A02);
        assertThat(tlv3A02).hasSize(4 + 165);
        assertThat(hex).startsWith("3A0281A5" + CRT_HEX + "7F4946" + "B04104").contains("F00100" + "5F3740");
        assertThat(hex.indexOf("F001005F3740")).isEqualTo(2 * (EPK_AT + 65));
        byte[] crt = Arrays.copyOfRange(tlv3A02, CRT_AT, CRT_AT + CRT_LENGTH);
        byte[] publicKeyTlv = Arrays.copyOfRange(tlv3A02, CRT_AT + CRT_LENGTH, EPK_AT + 65 + 3);
        byte[] signature = Arrays.copyOfRange(tlv3A02, tlv3A02.length - 64, tlv3A02.length);
        // Signed data: CRT TLV || 7F49 TLV || 85 10 challenge.
        new EcdsaP256Verifier(
                        EcPublicKey.fromJca(
                                (ECPublicKey) pki.smdp().certificate().getPublicKey()),
                        EcdsaSignatureFormat.RAW)
                .verify(signature, concat(crt, publicKeyTlv, HEX.parseHex("8510"), fixed));

        // Independently: ShS with the card's key, SharedInfo as a literal, KeyData split, receipt.
        EcPublicKey ephemeral = EcPublicKey.fromUncompressed(Arrays.copyOfRange(tlv3A02, EPK_AT, EPK_AT + 65));
        SecretBytes shs = new Ecka(pki.ecasd().privateKey(), pki.random()).computeSharedSecret(ephemeral);
        byte[] sharedInfo = HEX.parseHex("5C8810" + "A5".repeat(16) + "05" + "534D445031");
        byte[] keyData = X963Kdf.sha256().derive(shs, sharedInfo, 64).toByteArray(SecretKeyAccess.get());
        byte[] receipt = new AesCmac(key(keyData, 0)).computeMac(HEX.parseHex(CRT_HEX + "8510" + "A5".repeat(16)));

        assertThat(HEX.formatHex(result.answer()))
                .isEqualTo("8510" + "A5".repeat(16) + "8610" + HEX.formatHex(receipt));
        assertThat(bytes(result.keySet().keyEnc())).isEqualTo(Arrays.copyOfRange(keyData, 16, 32));
        assertThat(bytes(result.keySet().keyMac())).isEqualTo(Arrays.copyOfRange(keyData, 32, 48));
        assertThat(bytes(result.keySet().keyDek())).isEqualTo(Arrays.copyOfRange(keyData, 48, 64));
        assertSameKeys(host.finish(result.answer()), result.keySet());
    }

    @Test
    void deriveWhenFixedSharedSecretThenKeyDataAndReceiptMatchX963AndCmacComputedIndependently() {
        byte[] z = HEX.parseHex("0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20");
        byte[] dr = HEX.parseHex("F0E1D2C3B4A5968778695A4B3C2D1E0F");
        byte[] hostId = "SMDP1".getBytes(StandardCharsets.US_ASCII);

        KeyEstablishment.Keys keys = KeyEstablishment.derive(SecretBytes.copyOf(z), dr, hostId);
        byte[] receipt = KeyEstablishment.receipt(keys.receiptKey(), KeyEstablishment.crt(hostId), dr);

        byte[] keyData = X963Kdf.sha256()
                .derive(SecretBytes.copyOf(z), HEX.parseHex("5C8810" + HEX.formatHex(dr) + "05534D445031"), 64)
                .toByteArray(SecretKeyAccess.get());
        assertThat(HEX.formatHex(KeyEstablishment.crt(hostId))).isEqualTo(CRT_HEX);
        assertThat(bytes(keys.receiptKey())).isEqualTo(Arrays.copyOfRange(keyData, 0, 16));
        assertThat(bytes(keys.keySet().keyEnc())).isEqualTo(Arrays.copyOfRange(keyData, 16, 32));
        assertThat(bytes(keys.keySet().keyMac())).isEqualTo(Arrays.copyOfRange(keyData, 32, 48));
        assertThat(bytes(keys.keySet().keyDek())).isEqualTo(Arrays.copyOfRange(keyData, 48, 64));
        assertThat(receipt)
                .isEqualTo(new AesCmac(key(keyData, 0)).computeMac(HEX.parseHex(CRT_HEX + "8510" + HEX.formatHex(dr))));
    }

    @Test
    void acceptCertificateWhenIssuedByAnotherCiThenCertificateInvalid() throws Exception {
        HostKeyEstablishment host = host(pki.foreignSmdp());

        KeyEstablishmentRefusal refusal = refusal(() -> card(pki.random()).acceptCertificate(host.certificateTlv()));

        assertThat(refusal.reason()).isEqualTo(Reason.CERTIFICATE_INVALID);
        assertThat(refusal.statusWord()).isEqualTo(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
    }

    @Test
    void acceptCertificateWhenNotAnSmDpCertificateThenCertificateInvalid() throws Exception {
        HostKeyEstablishment host = host(pki.smsr());

        assertThat(refusal(() -> card(pki.random()).acceptCertificate(host.certificateTlv()))
                        .reason())
                .isEqualTo(Reason.CERTIFICATE_INVALID);
    }

    @Test
    void acceptCertificateWhenNotDerOrTrailingBytesOrWrongTagThenMalformed() {
        byte[] der = pki.smdp().der();
        byte[] garbage = Es8Tags.encode(Es8Tags.CERTIFICATE, HEX.parseHex("300300"));
        byte[] trailing = Es8Tags.encode(Es8Tags.CERTIFICATE, concat(der, new byte[] {0}));
        byte[] wrongTag = Es8Tags.encode(Es8Tags.KEY_AGREEMENT, der);
        byte[] notOneTlv = concat(Es8Tags.encode(Es8Tags.CERTIFICATE, der), new byte[] {0});

        for (byte[] tlv : List.of(garbage, trailing, wrongTag, notOneTlv)) {
            KeyEstablishmentRefusal refusal = refusal(() -> card(pki.random()).acceptCertificate(tlv));
            assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(refusal.statusWord()).isEqualTo(StatusWord.WRONG_DATA);
        }
    }

    @Test
    void acceptKeyAgreementWhenNo3A01BeforeThenSequence() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        byte[] tlv3A02 = host.keyAgreementTlv(HEX.parseHex("8510" + "00".repeat(16)));

        KeyEstablishmentRefusal refusal = refusal(() -> card(pki.random()).acceptKeyAgreement(tlv3A02));

        assertThat(refusal.reason()).isEqualTo(Reason.SEQUENCE);
        assertThat(refusal.statusWord()).isEqualTo(StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void acceptKeyAgreementWhenSignatureBitFlippedThenSignatureInvalid() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        byte[] tlv3A02 = host.keyAgreementTlv(card.acceptCertificate(host.certificateTlv()));
        tlv3A02[tlv3A02.length - 10] ^= 0x01;

        KeyEstablishmentRefusal refusal = refusal(() -> card.acceptKeyAgreement(tlv3A02));

        assertThat(refusal.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
        assertThat(refusal.statusWord()).isEqualTo(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
    }

    @Test
    void acceptKeyAgreementWhenSignedWithAnotherKeyThanTheCertificatesThenSignatureInvalid() throws Exception {
        var impostor = HostKeyEstablishment.start(
                pki.smdp().der(),
                pki.foreignSmdp().key(),
                TestEs8Pki.HOST_ID,
                pki.ecasd().publicKey(),
                pki.random());
        CardKeyEstablishment card = card(pki.random());
        byte[] tlv3A02 = impostor.keyAgreementTlv(card.acceptCertificate(impostor.certificateTlv()));

        assertThat(refusal(() -> card.acceptKeyAgreement(tlv3A02)).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void acceptKeyAgreementWhenSignatureCoversAnotherChallengeThenSignatureInvalid() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        card.acceptCertificate(host.certificateTlv());
        // Replay protection: a 3A02 signed over some other card challenge.
        byte[] tlv3A02 = host.keyAgreementTlv(HEX.parseHex("8510" + "11".repeat(16)));

        assertThat(refusal(() -> card.acceptKeyAgreement(tlv3A02)).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "scenario, 90020300, 90020301",
        "key usage qualifier, 95015C, 95015D",
        "key type, 800188, 800180",
        "key length, 810110, 810120",
        "KVN, 830130, 830131",
        "host id length, 8405, 8411",
    })
    void acceptKeyAgreementWhenCrtValueWrongThenMalformed(String field, String good, String bad) throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        String hex = HEX.formatHex(host.keyAgreementTlv(card.acceptCertificate(host.certificateTlv())));
        int at = hex.indexOf(good);
        assertThat(at)
                .as(field)
                .isBetween(2 * CRT_AT, 2 * (CRT_AT + CRT_LENGTH))
                .isEven();
        byte[] tampered = HEX.parseHex(hex.substring(0, at) + bad + hex.substring(at + good.length()));

        KeyEstablishmentRefusal refusal = refusal(() -> card.acceptKeyAgreement(tampered));

        assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusal.statusWord()).isEqualTo(StatusWord.WRONG_DATA);
    }

    @Test
    void acceptKeyAgreementWhenEphemeralKeyNotOnCurveThenMalformed() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        byte[] tlv3A02 = host.keyAgreementTlv(card.acceptCertificate(host.certificateTlv()));
        tlv3A02[EPK_AT + 64] ^= 0x01; // last byte of y

        assertThat(refusal(() -> card.acceptKeyAgreement(tlv3A02)).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void acceptKeyAgreementWhenCalledAgainAfterSuccessOrRefusalThenSequence() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        byte[] tlv3A02 = host.keyAgreementTlv(card.acceptCertificate(host.certificateTlv()));
        card.acceptKeyAgreement(tlv3A02);

        assertThat(refusal(() -> card.acceptKeyAgreement(tlv3A02)).reason()).isEqualTo(Reason.SEQUENCE);
        assertThat(refusal(() -> card.acceptCertificate(host.certificateTlv())).reason())
                .isEqualTo(Reason.SEQUENCE);

        HostKeyEstablishment second = host(pki.smdp());
        CardKeyEstablishment refused = card(pki.random());
        byte[] good = second.keyAgreementTlv(refused.acceptCertificate(second.certificateTlv()));
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 0x01;
        assertThat(refusal(() -> refused.acceptKeyAgreement(bad)).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
        assertThat(refusal(() -> refused.acceptKeyAgreement(good)).reason()).isEqualTo(Reason.SEQUENCE);
    }

    @Test
    void finishWhenReceiptBitFlippedThenReceiptException() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        byte[] answer = card.acceptKeyAgreement(host.keyAgreementTlv(card.acceptCertificate(host.certificateTlv())))
                .answer();
        answer[answer.length - 1] ^= 0x01;

        assertThatThrownBy(() -> host.finish(answer))
                .isInstanceOf(ReceiptException.class)
                .hasMessage("receipt does not verify");
    }

    @Test
    void finishWhenDrBitFlippedThenReceiptException() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        byte[] answer = card.acceptKeyAgreement(host.keyAgreementTlv(card.acceptCertificate(host.certificateTlv())))
                .answer();
        answer[5] ^= 0x01;

        assertThatThrownBy(() -> host.finish(answer)).isInstanceOf(ReceiptException.class);
    }

    @Test
    void hostWhenCardAnswersAreMalformedThenFormatException() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        assertThatThrownBy(() -> host.keyAgreementTlv(HEX.parseHex("8508" + "00".repeat(8))))
                .isInstanceOf(Es8FormatException.class);
        assertThatThrownBy(() -> host.keyAgreementTlv(HEX.parseHex("8610" + "00".repeat(16))))
                .isInstanceOf(Es8FormatException.class);

        HostKeyEstablishment other = host(pki.smdp());
        other.keyAgreementTlv(HEX.parseHex("8510" + "00".repeat(16)));
        assertThatThrownBy(() -> other.finish(HEX.parseHex("8610" + "00".repeat(16) + "8510" + "00".repeat(16))))
                .isInstanceOf(Es8FormatException.class);
    }

    @Test
    void startWhenHostIdEmptyTooLongOrNotAsciiThenIllegalArgument() {
        for (String hostId : List.of("", "A".repeat(17), "SM-DP é")) {
            assertThatThrownBy(() -> HostKeyEstablishment.start(
                            pki.smdp().der(),
                            pki.smdp().key(),
                            hostId,
                            pki.ecasd().publicKey(),
                            pki.random()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void toStringWhenHoldingKeysThenRedacted() throws Exception {
        HostKeyEstablishment host = host(pki.smdp());
        CardKeyEstablishment card = card(pki.random());
        CardKeyEstablishment.Result result =
                card.acceptKeyAgreement(host.keyAgreementTlv(card.acceptCertificate(host.certificateTlv())));

        assertThat(result.toString()).isEqualTo("Result[answer=36 bytes, keySet=redacted]");
        assertThat(host.toString()).contains("redacted");
        assertThat(card.toString()).contains("redacted");
    }

    @Test
    void statusWordWhenEachReasonThenTheDocumentedOne() {
        assertThat(new KeyEstablishmentRefusal(Reason.MALFORMED, "x")
                        .statusWord()
                        .value())
                .isEqualTo(0x6A80);
        assertThat(new KeyEstablishmentRefusal(Reason.CERTIFICATE_INVALID, "x")
                        .statusWord()
                        .value())
                .isEqualTo(0x6982);
        assertThat(new KeyEstablishmentRefusal(Reason.SIGNATURE_INVALID, "x")
                        .statusWord()
                        .value())
                .isEqualTo(0x6982);
        assertThat(new KeyEstablishmentRefusal(Reason.SEQUENCE, "x")
                        .statusWord()
                        .value())
                .isEqualTo(0x6985);
    }

    private interface CardStep {
        byte[] apply(byte[] tlv) throws KeyEstablishmentRefusal;
    }

    private interface Refusing {
        void run() throws Exception;
    }

    /** Sends {@code tlv} alone in a sequence through {@code assembler} and hands the reassembled TLV to the card. */
    private static byte[] sendOne(StoreDataAssembler assembler, byte[] tlv, CardStep step) throws Exception {
        List<byte[]> received = new ArrayList<>();
        for (CommandApdu block : Es8StoreData.sequence(List.of(tlv))) {
            received.addAll(assembler.accept(block));
        }
        assertThat(received).singleElement().isEqualTo(tlv);
        return step.apply(received.getFirst());
    }

    private static KeyEstablishmentRefusal refusal(Refusing call) {
        try {
            call.run();
        } catch (KeyEstablishmentRefusal e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a KeyEstablishmentRefusal, got " + e, e);
        }
        throw new AssertionError("expected a KeyEstablishmentRefusal, nothing was thrown");
    }

    private static HostKeyEstablishment host(TestEs8Pki.Identity smdp) {
        return HostKeyEstablishment.start(
                smdp.der(), smdp.key(), TestEs8Pki.HOST_ID, pki.ecasd().publicKey(), pki.random());
    }

    private static CardKeyEstablishment card(SecureRandom random) {
        return CardKeyEstablishment.start(pki.ciTrust(), pki.ecasd().privateKey(), random);
    }

    private static AesKey key(byte[] keyData, int offset) {
        return AesKey.of(SecretBytes.copyOf(Arrays.copyOfRange(keyData, offset, offset + 16)));
    }

    private static byte[] bytes(AesKey key) {
        return key.secret().toByteArray(SecretKeyAccess.get());
    }

    private static void assertSameKeys(Scp03KeySet a, Scp03KeySet b) {
        assertThat(a.kvn()).isEqualTo(b.kvn());
        assertThat(bytes(a.keyEnc())).isEqualTo(bytes(b.keyEnc()));
        assertThat(bytes(a.keyMac())).isEqualTo(bytes(b.keyMac()));
        assertThat(bytes(a.keyDek())).isEqualTo(bytes(b.keyDek()));
        assertThat(bytes(a.keyEnc())).isNotEqualTo(bytes(a.keyMac()));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Every random byte is {@code fill}: fixes the card's challenge and DR (and its ECKA blinding, harmlessly). */
    private static final class FixedRandom extends SecureRandom {
        private final byte fill;

        FixedRandom(byte fill) {
            this.fill = fill;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, fill);
        }
    }
}

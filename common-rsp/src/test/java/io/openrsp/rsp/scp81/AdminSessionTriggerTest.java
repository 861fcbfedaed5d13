package io.openrsp.rsp.scp81;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvException;
import io.openrsp.rsp.tlv.TlvReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSessionTriggerTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String EID = "89049032123451234512345678901235";
    private static final String IDENTITY_ASCII_HEX =
            HEX.formatHex(PskIdentityTest.IDENTITY.getBytes(StandardCharsets.US_ASCII));

    /** Connection: default bearer, buffer 0400, TCP client remote port 8443 (20FB), IPv4 127.0.0.1. */
    private static final String CONNECTION = "84 13 350103 39020400 3C030220FB 3E05217F000001";
    /** Security: 90-byte identity, key reference 02 KVN 40 KID 01. */
    private static final String SECURITY = "85 5E 5A" + IDENTITY_ASCII_HEX + "024001";
    /** Retry: counter 0003, timer value 25 03 00 00 30 (00:00:03, nibbles swapped). */
    private static final String RETRY = "86 07 0003 2503000030";
    /** HTTP POST: 8A "admin.host", 8C "https://admin.host/uri" (the pySim vectors). */
    private static final String HTTP =
            "89 24 8a0a61646d696e2e686f7374 8c1668747470733a2f2f61646d696e2e686f73742f757269";

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static AdminSessionTrigger trigger() {
        return new AdminSessionTrigger(
                ConnectionParameters.of(0x0400, ip("127.0.0.1"), 8443),
                PskIdentity.ofIsdR(Eid.of(EID), 0x01, 0x40),
                Optional.of(new RetryPolicy(3, Duration.ofSeconds(3))),
                HttpPostParameters.of("admin.host", "https://admin.host/uri"));
    }

    /** 81 81 L {83 81 L {elements}} around the given element encodings. */
    private static byte[] wrap(String... elements) {
        byte[] session = hex(String.join("", elements));
        Tlv s = Tlv.of(0x83, session);
        return Tlv.of(0x81, s.encode()).encode();
    }

    @Test
    void encodeWhenAllParametersThenAmendmentBLayout() {
        assertThat(trigger().encode()).isEqualTo(hex("81 81 A7 83 81 A4" + CONNECTION + SECURITY + RETRY + HTTP));
    }

    @Test
    void decodeWhenEncodedThenHostPortUriAndIdentityEqualTheInputs() {
        AdminSessionTrigger decoded = AdminSessionTrigger.decode(trigger().encode());

        assertThat(decoded).isEqualTo(trigger());
        assertThat(decoded.connection().address()).isEqualTo(ip("127.0.0.1"));
        assertThat(decoded.connection().port()).isEqualTo(8443);
        assertThat(decoded.httpPost().adminHost()).isEqualTo("admin.host");
        assertThat(decoded.httpPost().adminUri()).isEqualTo("https://admin.host/uri");
        assertThat(decoded.pskIdentity().encode()).isEqualTo(PskIdentityTest.IDENTITY);
        assertThat(decoded.retryPolicy()).contains(new RetryPolicy(3, Duration.ofSeconds(3)));
    }

    @Test
    void decodeWhenIpv6ApnAgentAndNoRetryThenRoundTrips() {
        AdminSessionTrigger trigger = new AdminSessionTrigger(
                new ConnectionParameters(
                        new BearerDescription(0x02, hex("030000000000")),
                        1500,
                        Optional.of("m2m.operator.example"),
                        443,
                        ip("2001:db8::1")),
                PskIdentity.ofIsdR(Eid.of(EID), 0x02, 0x41),
                Optional.empty(),
                new HttpPostParameters("smsr.example:8443", Optional.of("//se-id/eid/" + EID), "/gsma/es5/admin"));

        AdminSessionTrigger decoded = AdminSessionTrigger.decode(trigger.encode());

        assertThat(decoded).isEqualTo(trigger);
        assertThat(HEX.formatHex(trigger.encode())).contains("4715036d326d086f70657261746f72076578616d706c65");
    }

    @Test
    void decodeWhenIpv4MappedIpv6AddressThenKeepsTheIpv6Coding() {
        byte[] mapped = hex("00000000000000000000FFFF7F000001");
        byte[] encoded = wrap("84 1F 350103 39020400 3C030220FB 3E1157" + HEX.formatHex(mapped), SECURITY, HTTP);

        AdminSessionTrigger decoded = AdminSessionTrigger.decode(encoded);

        assertThat(decoded.connection().address().getAddress()).isEqualTo(mapped);
        assertThat(decoded.encode()).isEqualTo(encoded);
    }

    @Test
    void decodeWhenElementsReorderedAndComprehensionRequiredBitsSetThenAccepted() {
        byte[] encoded = wrap(HTTP, RETRY, SECURITY, "84 13 B50103 B9020400 BC030220FB BE05217F000001");

        assertThat(AdminSessionTrigger.decode(encoded)).isEqualTo(trigger());
    }

    @Test
    void decodeWhenUnknownOptionalConnectionTagThenIgnored() {
        byte[] encoded = wrap("84 17" + CONNECTION.substring(6).replace(" ", "") + "0D020441", SECURITY, HTTP);

        assertThat(AdminSessionTrigger.decode(encoded).connection())
                .isEqualTo(trigger().connection());
    }

    private static void assertRejected(byte[] encoded, Reason reason, int offset) {
        assertThatThrownBy(() -> AdminSessionTrigger.decode(encoded))
                .isInstanceOfSatisfying(Scp81FormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.offset()).isEqualTo(offset);
                });
    }

    private static int indexOf(byte[] haystack, String needleHex) {
        byte[] needle = hex(needleHex);
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + needleHex);
    }

    @Test
    void decodeWhenWrongRootTagThenUnexpectedTag() {
        assertRejected(hex("82 00"), Reason.UNEXPECTED_TAG, 0);
    }

    @Test
    void decodeWhenRootEmptyThenMissingElement() {
        assertRejected(hex("81 00"), Reason.MISSING_ELEMENT, 2);
    }

    @Test
    void decodeWhenDnsResolutionParametersPresentThenUnexpectedTag() {
        byte[] valid = trigger().encode();
        byte[] session = TlvReader.readSingle(valid).children().getFirst().encode();
        byte[] encoded = Tlv.of(0x81, concat(session, hex("B3 00"))).encode();

        assertRejected(encoded, Reason.UNEXPECTED_TAG, encoded.length - 2);
    }

    @Test
    void decodeWhenHttpPostParametersMissingThenMissingElementAtEndOfSession() {
        byte[] encoded = wrap(CONNECTION, SECURITY);

        assertRejected(encoded, Reason.MISSING_ELEMENT, encoded.length);
    }

    @Test
    void decodeWhenConnectionParametersTwiceThenDuplicateElement() {
        byte[] encoded = wrap(CONNECTION, SECURITY, CONNECTION, HTTP);

        assertRejected(encoded, Reason.DUPLICATE_ELEMENT, indexOf(encoded, "024001") + 3);
    }

    @Test
    void decodeWhenKeyReferenceDiffersFromIdentityThenInvalidValue() {
        byte[] encoded = wrap(CONNECTION, SECURITY.replace("024001", "024101"), HTTP);

        assertRejected(encoded, Reason.INVALID_VALUE, indexOf(encoded, "024101") + 1);
    }

    @Test
    void decodeWhenIdentityNotHexThenMalformedHexAtItsByte() {
        byte[] encoded = wrap(CONNECTION, SECURITY.replaceFirst("3830", "3847"), HTTP);

        assertRejected(encoded, Reason.MALFORMED_HEX, indexOf(encoded, "5A3847") + 2);
    }

    @Test
    void decodeWhenTransportIsUdpThenInvalidValue() {
        byte[] encoded = wrap(CONNECTION.replace("3C030220FB", "3C030120FB"), SECURITY, HTTP);

        assertRejected(encoded, Reason.INVALID_VALUE, indexOf(encoded, "3C030120FB") + 2);
    }

    @Test
    void decodeWhenAddressMissingThenMissingElementAtEndOfConnection() {
        byte[] encoded = wrap("84 0C 350103 39020400 3C030220FB", SECURITY, HTTP);

        assertRejected(encoded, Reason.MISSING_ELEMENT, indexOf(encoded, "855E"));
    }

    @Test
    void decodeWhenUnknownComprehensionRequiredTagThenUnexpectedTag() {
        byte[] encoded = wrap("84 17" + CONNECTION.substring(6).replace(" ", "") + "8D020441", SECURITY, HTTP);

        assertRejected(encoded, Reason.UNEXPECTED_TAG, indexOf(encoded, "8D020441"));
    }

    @Test
    void decodeWhenComprehensionTlvRunsPastItsContainerThenMalformedComprehensionTlv() {
        byte[] encoded = wrap("84 03 350503", SECURITY, HTTP);

        assertRejected(encoded, Reason.MALFORMED_COMPREHENSION_TLV, indexOf(encoded, "84033505") + 4);
    }

    @Test
    void decodeWhenTimerNotBcdThenInvalidValue() {
        byte[] encoded = wrap(CONNECTION, SECURITY, "86 07 0003 25030000A0", HTTP);

        assertRejected(encoded, Reason.INVALID_VALUE, indexOf(encoded, "25030000A0") + 4);
    }

    @Test
    void decodeWhenHostHasASpaceThenInvalidValue() {
        byte[] encoded =
                wrap(CONNECTION, SECURITY, HTTP.replace("8a0a61646d696e2e686f7374", "8a0a61646d696e20686f7374"));

        assertRejected(encoded, Reason.INVALID_VALUE, indexOf(encoded, "8a0a") + 7);
    }

    @Test
    void decodeWhenTruncatedThenMalformedTlvWithCause() {
        byte[] valid = trigger().encode();
        byte[] truncated = Arrays.copyOf(valid, valid.length - 1);

        assertThatThrownBy(() -> AdminSessionTrigger.decode(truncated))
                .isInstanceOfSatisfying(Scp81FormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TLV);
                    assertThat(e.offset()).isEqualTo(1);
                    assertThat(e).hasCauseInstanceOf(TlvException.class);
                });
    }

    @Test
    void constructorsWhenValuesOutOfRangeThenIllegalArgument() {
        assertThatThrownBy(() -> ConnectionParameters.of(0, ip("127.0.0.1"), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionParameters.of(1, ip("127.0.0.1"), 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionParameters(
                        BearerDescription.DEFAULT, 1, Optional.of("bad..apn"), 1, ip("127.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(65536, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofHours(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpPostParameters.of("host", "/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpPostParameters.of("", "/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryPolicyWhenLongDelayThenHoursMinutesSecondsSwappedBcd() {
        byte[] value = new RetryPolicy(0x0102, Duration.ofSeconds(12 * 3600 + 34 * 60 + 56)).encodeValue();

        assertThat(value).isEqualTo(hex("0102 2503 214365"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

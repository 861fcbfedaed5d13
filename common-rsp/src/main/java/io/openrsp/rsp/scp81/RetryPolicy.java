package io.openrsp.rsp.scp81;

import static io.openrsp.rsp.scp81.TriggerTags.CTLV_TIMER_VALUE;

import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tlv;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * GlobalPlatform Amendment B §3.8.3: how often and how long apart the card retries a failed administration
 * session. Coded as the retry counter (2 bytes, big-endian) followed by the retry waiting delay as an ETSI
 * TS 102 223 §8.38 timer value TLV {@code 25 03 HH MM SS}, each field two BCD digits, nibbles swapped.
 *
 * <p>Deviation: the optional "retry report failure" element after the delay is not supported; decoding
 * rejects trailing bytes.
 *
 * @param retryCounter number of retries, 0-65535
 * @param waitingDelay delay between retries, whole seconds up to 99:59:59
 */
public record RetryPolicy(int retryCounter, Duration waitingDelay) {

    private static final Duration MAX_DELAY =
            Duration.ofHours(99).plusMinutes(59).plusSeconds(59);

    public RetryPolicy {
        if (retryCounter < 0 || retryCounter > 0xFFFF) {
            throw new IllegalArgumentException("retry counter must be 0-65535: " + retryCounter);
        }
        Objects.requireNonNull(waitingDelay, "waitingDelay");
        if (waitingDelay.isNegative() || waitingDelay.compareTo(MAX_DELAY) > 0 || waitingDelay.getNano() != 0) {
            throw new IllegalArgumentException("waiting delay must be whole seconds from 0 to 99:59:59");
        }
    }

    byte[] encodeValue() {
        long seconds = waitingDelay.getSeconds();
        ByteArrayOutputStream out = new ByteArrayOutputStream(7);
        out.write(retryCounter >>> 8);
        out.write(retryCounter);
        byte[] timer = {swappedBcd(seconds / 3600), swappedBcd(seconds / 60 % 60), swappedBcd(seconds % 60)};
        ComprehensionTlv.write(out, CTLV_TIMER_VALUE, timer);
        return out.toByteArray();
    }

    private static byte swappedBcd(long twoDigits) {
        return (byte) ((twoDigits % 10) << 4 | twoDigits / 10);
    }

    static RetryPolicy decode(Tlv tlv) {
        byte[] value = tlv.value();
        if (value.length < 2) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, tlv.offset() + 1, "retry policy too short");
        }
        int counter = (value[0] & 0xFF) << 8 | (value[1] & 0xFF);
        byte[] rest = Arrays.copyOfRange(value, 2, value.length);
        List<ComprehensionTlv> objects = ComprehensionTlv.readAll(rest, tlv.valueOffset() + 2);
        if (objects.isEmpty()) {
            throw new Scp81FormatException(
                    Reason.MISSING_ELEMENT, tlv.valueOffset() + value.length, "retry waiting delay");
        }
        ComprehensionTlv timer = objects.getFirst();
        if (timer.tag() != CTLV_TIMER_VALUE) {
            throw new Scp81FormatException(Reason.UNEXPECTED_TAG, timer.offset(), "expected a timer value");
        }
        if (objects.size() > 1) {
            throw new Scp81FormatException(Reason.UNEXPECTED_TAG, objects.get(1).offset(), "after the delay");
        }
        byte[] t = timer.value();
        if (t.length != 3) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, timer.offset() + 1, "timer value is 3 bytes");
        }
        int hours = bcd(t[0], 99, timer.valueOffset());
        int minutes = bcd(t[1], 59, timer.valueOffset() + 1);
        int seconds = bcd(t[2], 59, timer.valueOffset() + 2);
        return new RetryPolicy(counter, Duration.ofSeconds(hours * 3600L + minutes * 60L + seconds));
    }

    private static int bcd(byte b, int max, int offset) {
        int tens = b & 0x0F;
        int units = (b >>> 4) & 0x0F;
        int value = tens * 10 + units;
        if (tens > 9 || units > 9 || value > max) {
            throw new Scp81FormatException(Reason.INVALID_VALUE, offset, "timer field is not BCD 00-" + max);
        }
        return value;
    }
}

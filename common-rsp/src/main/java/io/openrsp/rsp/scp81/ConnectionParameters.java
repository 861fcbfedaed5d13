package io.openrsp.rsp.scp81;

import static io.openrsp.rsp.scp81.TriggerTags.ADDRESS_IPV4;
import static io.openrsp.rsp.scp81.TriggerTags.ADDRESS_IPV6;
import static io.openrsp.rsp.scp81.TriggerTags.CTLV_BEARER_DESCRIPTION;
import static io.openrsp.rsp.scp81.TriggerTags.CTLV_BUFFER_SIZE;
import static io.openrsp.rsp.scp81.TriggerTags.CTLV_NETWORK_ACCESS_NAME;
import static io.openrsp.rsp.scp81.TriggerTags.CTLV_OTHER_ADDRESS;
import static io.openrsp.rsp.scp81.TriggerTags.CTLV_TRANSPORT_LEVEL;
import static io.openrsp.rsp.scp81.TriggerTags.TRANSPORT_TCP_CLIENT_REMOTE;

import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tlv;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GlobalPlatform Amendment B §3.8.1: the connection parameters of the administration session, coded as the
 * ETSI TS 102 223 §6.6.27 OPEN CHANNEL COMPREHENSION-TLVs bearer description ({@code 35}), buffer size
 * ({@code 39}), network access name ({@code 47}, optional), transport level ({@code 3C}: TCP, UICC in client
 * mode, remote connection, and the port) and data destination address ({@code 3E}: IPv4 or IPv6).
 *
 * <p>This platform's choices: the SM-SR is addressed by IP address (the DNS resolution parameters
 * {@code B3} of Amendment B are not supported); decoding ignores unknown tags whose comprehension-required
 * flag is clear, as ETSI TS 102 223 §6.10 tells a terminal to, and rejects unknown ones with it set.
 *
 * @param bearer the bearer description
 * @param bufferSize the buffer size the card asks for, 1-65535
 * @param networkAccessName the APN, dot-separated labels of letters, digits and hyphens, if any
 * @param port the SM-SR's TCP port
 * @param address the SM-SR's IP address
 */
public record ConnectionParameters(
        BearerDescription bearer, int bufferSize, Optional<String> networkAccessName, int port, InetAddress address) {

    public ConnectionParameters {
        Objects.requireNonNull(bearer, "bearer");
        if (bufferSize < 1 || bufferSize > 0xFFFF) {
            throw new IllegalArgumentException("buffer size must be 1-65535: " + bufferSize);
        }
        Objects.requireNonNull(networkAccessName, "networkAccessName").ifPresent(ConnectionParameters::encodeApn);
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
        Objects.requireNonNull(address, "address");
    }

    /** Default bearer, no APN. */
    public static ConnectionParameters of(int bufferSize, InetAddress address, int port) {
        return new ConnectionParameters(BearerDescription.DEFAULT, bufferSize, Optional.empty(), port, address);
    }

    byte[] encodeValue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        ComprehensionTlv.write(out, CTLV_BEARER_DESCRIPTION, bearer.encodeValue());
        ComprehensionTlv.write(out, CTLV_BUFFER_SIZE, new byte[] {(byte) (bufferSize >>> 8), (byte) bufferSize});
        networkAccessName.ifPresent(apn -> ComprehensionTlv.write(out, CTLV_NETWORK_ACCESS_NAME, encodeApn(apn)));
        ComprehensionTlv.write(
                out, CTLV_TRANSPORT_LEVEL, new byte[] {TRANSPORT_TCP_CLIENT_REMOTE, (byte) (port >>> 8), (byte) port});
        byte[] ip = address.getAddress();
        byte[] other = new byte[1 + ip.length];
        other[0] = (byte) (address instanceof Inet4Address ? ADDRESS_IPV4 : ADDRESS_IPV6);
        System.arraycopy(ip, 0, other, 1, ip.length);
        ComprehensionTlv.write(out, CTLV_OTHER_ADDRESS, other);
        return out.toByteArray();
    }

    /** 3GPP TS 23.003 §9.1: each label preceded by its length. */
    private static byte[] encodeApn(String apn) {
        if (apn.isEmpty() || apn.length() > 99) {
            throw new IllegalArgumentException("network access name must be 1-99 characters");
        }
        byte[] out = new byte[apn.length() + 1];
        int lengthAt = 0;
        int labelLength = 0;
        for (int i = 0; i < apn.length(); i++) {
            char c = apn.charAt(i);
            if (c == '.') {
                lengthAt = closeLabel(out, lengthAt, labelLength);
                labelLength = 0;
            } else if (isApnChar(c)) {
                out[lengthAt + 1 + labelLength++] = (byte) c;
            } else {
                throw new IllegalArgumentException("network access name has an invalid character at " + i);
            }
        }
        closeLabel(out, lengthAt, labelLength);
        return out;
    }

    private static int closeLabel(byte[] out, int lengthAt, int labelLength) {
        if (labelLength == 0 || labelLength > 63) {
            throw new IllegalArgumentException("network access name labels must be 1-63 characters");
        }
        out[lengthAt] = (byte) labelLength;
        return lengthAt + 1 + labelLength;
    }

    private static boolean isApnChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** Decodes the {@code 84} TLV. */
    static ConnectionParameters decode(Tlv tlv) {
        Map<Integer, ComprehensionTlv> known = new HashMap<>();
        for (ComprehensionTlv object : ComprehensionTlv.readAll(tlv.value(), tlv.valueOffset())) {
            switch (object.tag()) {
                case CTLV_BEARER_DESCRIPTION,
                        CTLV_BUFFER_SIZE,
                        CTLV_NETWORK_ACCESS_NAME,
                        CTLV_TRANSPORT_LEVEL,
                        CTLV_OTHER_ADDRESS -> {
                    if (known.putIfAbsent(object.tag(), object) != null) {
                        throw new Scp81FormatException(
                                Reason.DUPLICATE_ELEMENT, object.offset(), "in connection parameters");
                    }
                }
                default -> {
                    if (object.comprehensionRequired()) {
                        throw new Scp81FormatException(
                                Reason.UNEXPECTED_TAG, object.offset(), "unknown comprehension-required tag");
                    }
                }
            }
        }
        int end = tlv.valueOffset() + tlv.length();
        return new ConnectionParameters(
                bearer(required(known, CTLV_BEARER_DESCRIPTION, end)),
                bufferSize(required(known, CTLV_BUFFER_SIZE, end)),
                Optional.ofNullable(known.get(CTLV_NETWORK_ACCESS_NAME)).map(ConnectionParameters::apn),
                port(required(known, CTLV_TRANSPORT_LEVEL, end)),
                address(required(known, CTLV_OTHER_ADDRESS, end)));
    }

    private static ComprehensionTlv required(Map<Integer, ComprehensionTlv> known, int tag, int end) {
        ComprehensionTlv object = known.get(tag);
        if (object == null) {
            throw new Scp81FormatException(
                    Reason.MISSING_ELEMENT, end, "connection parameter " + Integer.toHexString(tag));
        }
        return object;
    }

    private static BearerDescription bearer(ComprehensionTlv object) {
        byte[] v = object.value();
        if (v.length == 0) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, object.offset() + 1, "empty bearer description");
        }
        return new BearerDescription(v[0] & 0xFF, Arrays.copyOfRange(v, 1, v.length));
    }

    private static int bufferSize(ComprehensionTlv object) {
        byte[] v = requireLength(object, 2);
        int size = (v[0] & 0xFF) << 8 | (v[1] & 0xFF);
        if (size == 0) {
            throw new Scp81FormatException(Reason.INVALID_VALUE, object.valueOffset(), "buffer size 0");
        }
        return size;
    }

    private static int port(ComprehensionTlv object) {
        byte[] v = requireLength(object, 3);
        if (v[0] != TRANSPORT_TCP_CLIENT_REMOTE) {
            throw new Scp81FormatException(
                    Reason.INVALID_VALUE, object.valueOffset(), "transport must be TCP, UICC in client mode, remote");
        }
        int port = (v[1] & 0xFF) << 8 | (v[2] & 0xFF);
        if (port == 0) {
            throw new Scp81FormatException(Reason.INVALID_VALUE, object.valueOffset() + 1, "port 0");
        }
        return port;
    }

    private static InetAddress address(ComprehensionTlv object) {
        byte[] v = object.value();
        int expected = v.length == 0 ? -1 : (v[0] & 0xFF) == ADDRESS_IPV4 ? 5 : (v[0] & 0xFF) == ADDRESS_IPV6 ? 17 : -1;
        if (expected < 0) {
            throw new Scp81FormatException(Reason.INVALID_VALUE, object.valueOffset(), "address type not IPv4/IPv6");
        }
        if (v.length != expected) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, object.offset() + 1, "address length");
        }
        try {
            // getByAddress never resolves names: it only wraps the bytes
            InetAddress address = InetAddress.getByAddress(Arrays.copyOfRange(v, 1, v.length));
            if (expected == 17 && !(address instanceof Inet6Address)) {
                // an IPv4-mapped IPv6 address comes back as IPv4: keep the coded type
                return Inet6Address.getByAddress(null, Arrays.copyOfRange(v, 1, v.length), null);
            }
            return address;
        } catch (UnknownHostException e) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, object.offset() + 1, "address length");
        }
    }

    private static String apn(ComprehensionTlv object) {
        byte[] v = object.value();
        StringBuilder apn = new StringBuilder(v.length);
        int pos = 0;
        while (pos < v.length) {
            int labelLength = v[pos] & 0xFF;
            if (labelLength == 0 || labelLength > 63 || labelLength > v.length - pos - 1) {
                throw new Scp81FormatException(Reason.INVALID_VALUE, object.valueOffset() + pos, "APN label length");
            }
            if (pos > 0) {
                apn.append('.');
            }
            for (int i = pos + 1; i <= pos + labelLength; i++) {
                if (!isApnChar(v[i])) {
                    throw new Scp81FormatException(Reason.INVALID_VALUE, object.valueOffset() + i, "APN character");
                }
                apn.append((char) v[i]);
            }
            pos += 1 + labelLength;
        }
        if (apn.isEmpty() || apn.length() > 99) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, object.offset() + 1, "APN length");
        }
        return apn.toString();
    }

    private static byte[] requireLength(ComprehensionTlv object, int length) {
        byte[] v = object.value();
        if (v.length != length) {
            throw new Scp81FormatException(
                    Reason.INVALID_LENGTH, object.offset() + 1, "tag " + Integer.toHexString(object.tag()));
        }
        return v;
    }
}

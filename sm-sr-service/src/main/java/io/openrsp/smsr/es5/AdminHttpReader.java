package io.openrsp.smsr.es5;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 9112 (HTTP/1.1 message syntax), server side, strict and bounded, for the GP admin protocol on the ES5 PSK-TLS
 * connection (DESIGN.md §3.2). Reads one request at a time from a persistent connection.
 *
 * <ul>
 *   <li>Lines end with CRLF (a bare CR or LF is refused); request line {@code method SP origin-form SP HTTP/1.1};
 *       other versions get 505; no leading empty lines, no obsolete line folding, only visible ASCII, SP and HTAB.
 *   <li>Request line, header fields and chunked trailers together at most {@code maxHeaderBytes} (else 431), at most
 *       {@value #MAX_HEADER_FIELDS} fields; exactly one {@code Host}.
 *   <li>Body by {@code Content-Length} (one, decimal) or {@code Transfer-Encoding: chunked} (alone, never both);
 *       other transfer codings get 501; a body over {@code maxBodyBytes} gets 413; no body = empty.
 * </ul>
 *
 * <p>Every refusal is an {@link HttpProtocolException} carrying the status to answer before closing. A connection
 * that ends before the first byte of a request is a clean end ({@link Optional#empty()}); one that ends inside a
 * request is an {@link EOFException}. Not thread-safe.
 */
final class AdminHttpReader {

    static final int MAX_HEADER_FIELDS = 64;

    private static final int CR = '\r';
    private static final int LF = '\n';

    private final InputStream in;
    private final int maxHeaderBytes;
    private final int maxBodyBytes;
    private int headerBudget;

    AdminHttpReader(InputStream in, int maxHeaderBytes, int maxBodyBytes) {
        this.in = in;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The next request, or empty if the peer closed the connection between requests. */
    Optional<AdminHttpRequest> read() throws IOException, HttpProtocolException {
        headerBudget = maxHeaderBytes;
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        String requestLine = readLine(first);
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3) {
            throw HttpProtocolException.badRequest("malformed request line");
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (method.isEmpty() || !isToken(method)) {
            throw HttpProtocolException.badRequest("malformed method");
        }
        if (!target.startsWith("/") || !isVisible(target)) {
            throw HttpProtocolException.badRequest("request target is not in origin form");
        }
        if (!version.equals("HTTP/1.1")) {
            throw version.matches("HTTP/[0-9]\\.[0-9]")
                    ? new HttpProtocolException(505, "unsupported version " + version)
                    : HttpProtocolException.badRequest("malformed HTTP version");
        }
        Map<String, List<String>> headers = readFields();
        requireSingle(headers, "host");
        byte[] body = readBody(headers);
        return Optional.of(new AdminHttpRequest(method, target, headers, body));
    }

    private Map<String, List<String>> readFields() throws IOException, HttpProtocolException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        for (String line = readLine(in.read()); !line.isEmpty(); line = readLine(in.read())) {
            if (++count > MAX_HEADER_FIELDS) {
                throw new HttpProtocolException(431, "too many header fields");
            }
            char c = line.charAt(0);
            if (c == ' ' || c == '\t') {
                throw HttpProtocolException.badRequest("obsolete line folding");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw HttpProtocolException.badRequest("malformed header field");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
        return fields;
    }

    private byte[] readBody(Map<String, List<String>> headers) throws IOException, HttpProtocolException {
        List<String> transferEncoding = headers.get("transfer-encoding");
        List<String> contentLength = headers.get("content-length");
        if (transferEncoding != null) {
            if (contentLength != null) {
                throw HttpProtocolException.badRequest("both Transfer-Encoding and Content-Length");
            }
            if (transferEncoding.size() != 1 || !transferEncoding.getFirst().equalsIgnoreCase("chunked")) {
                throw new HttpProtocolException(501, "unsupported transfer coding");
            }
            return readChunked();
        }
        if (contentLength == null) {
            return new byte[0];
        }
        String value = requireSingle(headers, "content-length");
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw HttpProtocolException.badRequest("malformed Content-Length");
        }
        long length = Long.parseLong(value);
        if (length > maxBodyBytes) {
            throw new HttpProtocolException(413, "body of " + length + " bytes over the limit");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("connection closed inside the body");
        }
        return body;
    }

    private byte[] readChunked() throws IOException, HttpProtocolException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine(in.read());
            int end = line.indexOf(';');
            String size = end < 0 ? line : line.substring(0, end);
            if (size.isEmpty() || size.length() > 8 || !size.chars().allMatch(AdminHttpReader::isHexDigit)) {
                throw HttpProtocolException.badRequest("malformed chunk size");
            }
            long chunk = Long.parseLong(size, 16);
            if (chunk == 0) {
                break;
            }
            if (body.size() + chunk > maxBodyBytes) {
                throw new HttpProtocolException(413, "chunked body over the limit");
            }
            byte[] data = in.readNBytes((int) chunk);
            if (data.length != chunk) {
                throw new EOFException("connection closed inside a chunk");
            }
            body.write(data);
            if (in.read() != CR || in.read() != LF) {
                throw HttpProtocolException.badRequest("chunk data not followed by CRLF");
            }
        }
        readFields(); // trailer fields: counted against the header budget, then ignored
        return body.toByteArray();
    }

    /** Reads a CRLF-terminated line starting with the byte {@code first}, charging the header budget. */
    private String readLine(int first) throws IOException, HttpProtocolException {
        StringBuilder line = new StringBuilder(64);
        int b = first;
        while (true) {
            if (b < 0) {
                throw new EOFException("connection closed inside the header");
            }
            if (--headerBudget < 0) {
                throw new HttpProtocolException(431, "header section over the limit");
            }
            if (b == CR) {
                if (--headerBudget < 0) {
                    throw new HttpProtocolException(431, "header section over the limit");
                }
                int next = in.read();
                if (next == LF) {
                    return line.toString();
                }
                if (next < 0) {
                    throw new EOFException("connection closed inside the header");
                }
                throw HttpProtocolException.badRequest("bare CR");
            }
            if (b == LF) {
                throw HttpProtocolException.badRequest("bare LF");
            }
            if ((b < 0x20 && b != '\t') || b >= 0x7F) {
                throw HttpProtocolException.badRequest("control or non-ASCII byte in the header");
            }
            line.append((char) b);
            b = in.read();
        }
    }

    private static String requireSingle(Map<String, List<String>> headers, String name) throws HttpProtocolException {
        List<String> values = headers.get(name);
        if (values == null || values.size() != 1) {
            throw HttpProtocolException.badRequest("exactly one " + name + " header required");
        }
        return values.getFirst();
    }

    /** RFC 9110 §5.6.2 tchar. */
    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isVisible(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

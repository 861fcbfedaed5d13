package io.openrsp.euicc.es5;

import io.openrsp.euicc.es5.AdminSessionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9112: a strict, minimal reader of the HTTP/1.1 responses an SM-SR sends in a GlobalPlatform Amendment B admin
 * session (DESIGN.md §3.2). It reads exactly one response from a stream that carries a sequence of them, so it never
 * reads past the end of a message.
 *
 * <ul>
 *   <li>Status line {@code HTTP/1.1 <3 digits> [reason]}; lines end with CRLF; no obs-fold; header names are
 *       tokens; a header name may appear once.
 *   <li>Body framing: none for 1xx/204/304; else {@code Transfer-Encoding: chunked} (the only coding accepted;
 *       extensions and trailers are skipped) or {@code Content-Length}; both at once, or neither, is refused, as a
 *       body delimited by closing the connection cannot be told from a broken one.
 *   <li>Limits: {@link #MAX_LINE} bytes per line, {@link #MAX_HEADERS} header fields, and the caller's body limit,
 *       so a hostile peer cannot make the card buffer without bound.
 * </ul>
 */
public final class HttpResponseReader {

    /** Longest status, header or chunk-size line, CRLF included. */
    public static final int MAX_LINE = 8 * 1024;

    /** Most header fields (and trailer fields) in one response. */
    public static final int MAX_HEADERS = 64;

    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    private final int maxBodyBytes;

    /** @param maxBodyBytes the largest body accepted, after de-chunking */
    public HttpResponseReader(int maxBodyBytes) {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads one response.
     *
     * @throws AdminSessionException if the response breaks the rules above or the stream ends inside it
     * @throws IOException if the stream fails (including a read time-out)
     */
    public AdminHttpResponse read(InputStream in) throws IOException {
        int status = statusCode(readLine(in, true));
        Map<String, String> headers = new HashMap<>();
        readFields(in, headers);
        byte[] body = (status < 200 || status == 204 || status == 304) ? new byte[0] : body(in, headers);
        return new AdminHttpResponse(status, headers, body);
    }

    private static int statusCode(String line) throws AdminSessionException {
        // HTTP-version SP 3DIGIT SP reason-phrase; tolerate a missing SP when the reason is empty.
        if (line.length() < 12 || !line.startsWith("HTTP/1.1 ") || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new AdminSessionException(Reason.MALFORMED_HTTP, "not an HTTP/1.1 status line");
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new AdminSessionException(Reason.MALFORMED_HTTP, "the status code is not 3 digits");
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100 || status > 599) {
            throw new AdminSessionException(Reason.MALFORMED_HTTP, "status code out of range: " + status);
        }
        return status;
    }

    /** Header or trailer fields up to the empty line. */
    private static void readFields(InputStream in, Map<String, String> fields) throws IOException {
        int count = 0;
        while (true) {
            String line = readLine(in, false);
            if (line.isEmpty()) {
                return;
            }
            if (++count > MAX_HEADERS) {
                throw new AdminSessionException(Reason.TOO_LARGE, "more than " + MAX_HEADERS + " header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw new AdminSessionException(Reason.MALFORMED_HTTP, "malformed header field");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (fields.putIfAbsent(name, value) != null) {
                throw new AdminSessionException(Reason.MALFORMED_HTTP, "header field repeated: " + name);
            }
        }
    }

    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || TOKEN_CHARS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        String transferEncoding = headers.get("transfer-encoding");
        String contentLength = headers.get("content-length");
        if (transferEncoding != null) {
            if (contentLength != null) {
                throw new AdminSessionException(
                        Reason.MALFORMED_HTTP, "both Transfer-Encoding and Content-Length are present");
            }
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw new AdminSessionException(
                        Reason.MALFORMED_HTTP, "unsupported Transfer-Encoding: only chunked is accepted");
            }
            return chunked(in, headers);
        }
        if (contentLength == null) {
            throw new AdminSessionException(
                    Reason.MALFORMED_HTTP, "a response body needs Content-Length or chunked framing");
        }
        return readExactly(in, contentLength(contentLength));
    }

    private int contentLength(String value) throws AdminSessionException {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new AdminSessionException(Reason.MALFORMED_HTTP, "Content-Length is not a decimal number");
        }
        long length = Long.parseLong(value);
        if (length > maxBodyBytes) {
            throw new AdminSessionException(Reason.TOO_LARGE, "body of " + length + " bytes over the limit");
        }
        return (int) length;
    }

    private byte[] chunked(InputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine(in, false);
            int end = line.indexOf(';');
            String size = (end < 0 ? line : line.substring(0, end)).strip();
            if (size.isEmpty() || size.length() > 8 || !size.chars().allMatch(HttpResponseReader::isHexDigit)) {
                throw new AdminSessionException(Reason.MALFORMED_HTTP, "malformed chunk size");
            }
            long chunk = Long.parseLong(size, 16);
            if (chunk == 0) {
                Map<String, String> trailers = new HashMap<>();
                readFields(in, trailers);
                return body.toByteArray();
            }
            if (body.size() + chunk > maxBodyBytes) {
                throw new AdminSessionException(Reason.TOO_LARGE, "chunked body over the limit");
            }
            body.write(readExactly(in, (int) chunk));
            if (!readLine(in, false).isEmpty()) {
                throw new AdminSessionException(Reason.MALFORMED_HTTP, "chunk data not followed by CRLF");
            }
        }
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] data = in.readNBytes(length);
        if (data.length != length) {
            throw new AdminSessionException(Reason.CONNECTION_CLOSED, "the connection closed inside a body");
        }
        return data;
    }

    /**
     * One line without its CRLF, as ISO-8859-1 (RFC 9112 §2.2). A bare CR or LF is malformed.
     *
     * @param first whether this is the status line: end of stream before any byte means the server closed
     */
    private static String readLine(InputStream in, boolean first) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new AdminSessionException(
                        Reason.CONNECTION_CLOSED,
                        first && line.isEmpty()
                                ? "the server closed the connection instead of answering"
                                : "the connection closed inside a response");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new AdminSessionException(Reason.MALFORMED_HTTP, "CR not followed by LF");
                }
                return line.toString();
            }
            if (b == '\n' || b == 0) {
                throw new AdminSessionException(Reason.MALFORMED_HTTP, "bare LF or NUL in a line");
            }
            if (line.length() >= MAX_LINE - 2) {
                throw new AdminSessionException(Reason.TOO_LARGE, "line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    /** The body limit. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }
}

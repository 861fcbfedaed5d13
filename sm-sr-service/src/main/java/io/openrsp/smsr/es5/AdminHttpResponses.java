package io.openrsp.smsr.es5;

import io.openrsp.rsp.scp81.AdminProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * GlobalPlatform Amendment B §3.7 over RFC 9112: the responses the SM-SR sends on the admin connection. Each is
 * written whole and flushed, so it leaves in as few TLS records as its size allows. Every response carries
 * {@code X-Admin-Protocol}; {@code 204} carries no {@code Content-Length} (RFC 9110 §8.6).
 */
final class AdminHttpResponses {

    private AdminHttpResponses() {}

    /** {@code 200} with a command script and the URI the card posts its response to. */
    static void script(OutputStream out, byte[] script, String nextUri, String targetedApplication) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 200 OK\r\n")
                .append(AdminProtocol.X_ADMIN_PROTOCOL)
                .append(": ")
                .append(AdminProtocol.PROTOCOL)
                .append("\r\nContent-Type: ")
                .append(AdminProtocol.COMMAND_CONTENT_TYPE)
                .append("\r\n")
                .append(AdminProtocol.X_ADMIN_NEXT_URI)
                .append(": ")
                .append(nextUri)
                .append("\r\n");
        if (targetedApplication != null) {
            head.append(AdminProtocol.X_ADMIN_TARGETED_APPLICATION)
                    .append(": ")
                    .append(targetedApplication)
                    .append("\r\n");
        }
        head.append("Content-Length: ").append(script.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(script);
        out.flush();
    }

    /** {@code 204 No Content}: the SM-SR has nothing more; the session ends. */
    static void noContent(OutputStream out) throws IOException {
        String head = "HTTP/1.1 204 No Content\r\n" + AdminProtocol.X_ADMIN_PROTOCOL + ": " + AdminProtocol.PROTOCOL
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** An error status, then the server closes the connection. */
    static void error(OutputStream out, int status) throws IOException {
        String head = "HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "Error") + "\r\n"
                + AdminProtocol.X_ADMIN_PROTOCOL + ": " + AdminProtocol.PROTOCOL + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static final Map<Integer, String> REASONS = Map.of(
            400, "Bad Request",
            403, "Forbidden",
            404, "Not Found",
            405, "Method Not Allowed",
            413, "Content Too Large",
            415, "Unsupported Media Type",
            431, "Request Header Fields Too Large",
            501, "Not Implemented",
            505, "HTTP Version Not Supported");
}

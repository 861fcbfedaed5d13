package io.openrsp.euicc.es5;

import io.openrsp.euicc.card.ScriptOutcome;
import io.openrsp.euicc.es5.AdminSessionException.Reason;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.scp81.Scp81FormatException;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ScriptException;
import io.openrsp.rsp.script.ScriptForm;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GlobalPlatform Amendment B §3.3-§3.7 (RAM over HTTP) as DESIGN.md §3.2 binds it: the card's side of one admin
 * session, the HTTP client, over streams that are already inside PSK-TLS. It knows nothing of TLS or of the card
 * model, so tests can drive it over any streams with any {@link ScriptExecutor}.
 *
 * <ol>
 *   <li>{@code POST <admin URI>} with {@code X-Admin-Protocol}, {@code X-Admin-From} and the card's pending
 *       notifications ({@code E1} TLVs, possibly none) as the body.
 *   <li>{@code 200}: the body is an expanded command script for the ISD-R, or for the application named in
 *       {@code X-Admin-Targeted-Application}; the executor runs it; the card POSTs the expanded response script
 *       ({@code AF 80 ... 00 00}) to {@code X-Admin-Next-URI} with {@code X-Admin-Script-Status: ok}, or an empty
 *       body with {@code unknown-application}.
 *   <li>{@code 204}: the session is over.
 * </ol>
 *
 * <p>Requests carry {@code Content-Length} (never chunked). Anything else from the server ends the session with an
 * {@link AdminSessionException}: another status, a missing or malformed admin header, a body that is not a command
 * script (Amendment B has no script status for "malformed", and executing part of a garbled script would be
 * worse). Deviation: the {@code X-Admin-Protocol} header is checked when the server sends it, not required.
 */
public final class RemoteAdminClient {

    /** Runs one command script on the card. */
    @FunctionalInterface
    public interface ScriptExecutor {

        /**
         * @param targetedApplication the application from {@code X-Admin-Targeted-Application}; empty = the ISD-R
         */
        ScriptOutcome execute(Optional<Aid> targetedApplication, CommandScript script);
    }

    /**
     * How a session ended normally (the server's {@code 204}).
     *
     * @param scripts the number of command scripts the card received and answered
     */
    public record SessionResult(int scripts) {}

    /**
     * The client's limits.
     *
     * @param maxBodyBytes largest response body
     * @param maxScripts most command scripts in one session
     * @param sessionTimeout longest session, checked before each request (the socket's read time-out bounds each
     *     wait for an answer)
     */
    public record Limits(int maxBodyBytes, int maxScripts, Duration sessionTimeout) {

        public Limits {
            if (maxBodyBytes < 1 || maxScripts < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
            if (!sessionTimeout.isPositive()) {
                throw new IllegalArgumentException("sessionTimeout must be positive");
            }
        }
    }

    private final Eid eid;
    private final String host;
    private final String adminUri;
    private final Limits limits;
    private final Clock clock;

    /**
     * @param eid the card, named in {@code X-Admin-From} with its ISD-R
     * @param host the {@code Host} header: the admin host from the trigger's HTTP POST parameters
     * @param adminUri the request URI of the first POST, from the trigger
     */
    public RemoteAdminClient(Eid eid, String host, String adminUri, Limits limits, Clock clock) {
        this.eid = Objects.requireNonNull(eid, "eid");
        this.host = requireVisibleAscii(host, "host");
        this.adminUri = requireUri(adminUri);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the session until the server's {@code 204}.
     *
     * @param notifications the first request's body: the card's pending notifications, concatenated
     * @throws AdminSessionException if the server breaks the protocol
     * @throws IOException if the connection fails
     */
    public SessionResult run(InputStream in, OutputStream out, byte[] notifications, ScriptExecutor executor)
            throws IOException {
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(executor, "executor");
        InputStream input = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
        HttpResponseReader reader = new HttpResponseReader(limits.maxBodyBytes());
        Instant deadline = clock.instant().plus(limits.sessionTimeout());
        String uri = adminUri;
        byte[] body = notifications;
        @Nullable String scriptStatus = null;
        int scripts = 0;
        while (true) {
            if (clock.instant().isAfter(deadline)) {
                throw new AdminSessionException(
                        Reason.SESSION_TIMEOUT, "the session lasted longer than " + limits.sessionTimeout());
            }
            out.write(request(uri, scriptStatus, body));
            out.flush();
            AdminHttpResponse response = reader.read(input);
            if (response.status() == 204) {
                return new SessionResult(scripts);
            }
            if (response.status() != 200) {
                throw new AdminSessionException(
                        Reason.UNEXPECTED_STATUS, "the server answered HTTP " + response.status());
            }
            if (++scripts > limits.maxScripts()) {
                throw new AdminSessionException(
                        Reason.TOO_MANY_SCRIPTS, "more than " + limits.maxScripts() + " scripts in one session");
            }
            checkAdminHeaders(response);
            uri = requireNextUri(response);
            Optional<Aid> target = targetedApplication(response);
            CommandScript script;
            try {
                script = CommandScript.decode(response.body());
            } catch (ScriptException e) {
                throw new AdminSessionException(
                        Reason.MALFORMED_SCRIPT, "the body is not an expanded command script: " + e.getMessage(), e);
            }
            switch (executor.execute(target, script)) {
                case ScriptOutcome.Executed executed -> {
                    body = executed.response().encode(ScriptForm.INDEFINITE);
                    scriptStatus = AdminProtocol.SCRIPT_STATUS_OK;
                }
                case ScriptOutcome.UnknownApplication unknown -> {
                    body = new byte[0];
                    scriptStatus = AdminProtocol.SCRIPT_STATUS_UNKNOWN_APPLICATION;
                }
            }
        }
    }

    /** The bytes of one POST: request line, headers, body. */
    byte[] request(String uri, @Nullable String scriptStatus, byte[] body) {
        StringBuilder head = new StringBuilder(512)
                .append("POST ")
                .append(uri)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append("\r\n")
                .append(AdminProtocol.X_ADMIN_PROTOCOL)
                .append(": ")
                .append(AdminProtocol.PROTOCOL)
                .append("\r\n")
                .append(AdminProtocol.X_ADMIN_FROM)
                .append(": ")
                .append(AdminProtocol.from(eid, Aid.ISD_R))
                .append("\r\n")
                .append("Content-Type: ")
                .append(AdminProtocol.RESPONSE_CONTENT_TYPE)
                .append("\r\n");
        if (scriptStatus != null) {
            head.append(AdminProtocol.X_ADMIN_SCRIPT_STATUS)
                    .append(": ")
                    .append(scriptStatus)
                    .append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return request.toByteArray();
    }

    private static void checkAdminHeaders(AdminHttpResponse response) throws AdminSessionException {
        String contentType = response.header("Content-Type").orElse("");
        if (!normalise(contentType).equals(normalise(AdminProtocol.COMMAND_CONTENT_TYPE))) {
            throw new AdminSessionException(
                    Reason.BAD_ADMIN_HEADER, "a script must come as " + AdminProtocol.COMMAND_CONTENT_TYPE);
        }
        Optional<String> protocol = response.header(AdminProtocol.X_ADMIN_PROTOCOL);
        if (protocol.isPresent() && !protocol.get().equalsIgnoreCase(AdminProtocol.PROTOCOL)) {
            throw new AdminSessionException(Reason.BAD_ADMIN_HEADER, "unknown X-Admin-Protocol");
        }
    }

    /** Media type comparison: case-insensitive, without the optional whitespace around parameters. */
    private static String normalise(String mediaType) {
        return mediaType.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
    }

    private static String requireNextUri(AdminHttpResponse response) throws AdminSessionException {
        String next = response.header(AdminProtocol.X_ADMIN_NEXT_URI)
                .orElseThrow(() -> new AdminSessionException(
                        Reason.BAD_ADMIN_HEADER, "a script came without " + AdminProtocol.X_ADMIN_NEXT_URI));
        try {
            return requireUri(next);
        } catch (IllegalArgumentException e) {
            throw new AdminSessionException(Reason.BAD_ADMIN_HEADER, "X-Admin-Next-URI is not an absolute path", e);
        }
    }

    private static Optional<Aid> targetedApplication(AdminHttpResponse response) throws AdminSessionException {
        Optional<String> header = response.header(AdminProtocol.X_ADMIN_TARGETED_APPLICATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AdminProtocol.parseTargetedApplication(header.get()));
        } catch (Scp81FormatException | IllegalArgumentException e) {
            throw new AdminSessionException(
                    Reason.BAD_ADMIN_HEADER, "malformed X-Admin-Targeted-Application: " + e.getMessage(), e);
        }
    }

    /** An origin-form request target: starts with {@code /}, visible ASCII, at most 1 KiB. */
    private static String requireUri(String uri) {
        requireVisibleAscii(uri, "URI");
        if (uri.charAt(0) != '/' || uri.length() > 1024) {
            throw new IllegalArgumentException("the URI must be an absolute path of at most 1024 characters");
        }
        return uri;
    }

    private static String requireVisibleAscii(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new IllegalArgumentException(what + " must be non-empty visible ASCII");
        }
        return text;
    }
}

package io.openrsp.smsr.es5;

import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.scp81.Scp81FormatException;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptException;
import io.openrsp.rsp.script.ScriptForm;
import io.openrsp.smsr.eis.NotificationHandler;
import io.openrsp.smsr.es5.CardCommandQueues.SessionTicket;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GlobalPlatform Amendment B §3.7 (RAM over HTTP), server side, as DESIGN.md §3.2 step 3 binds it: one admin session
 * on an authenticated PSK-TLS connection.
 *
 * <ol>
 *   <li>The card POSTs to {@value AdminProtocol#DEFAULT_ADMIN_URI} with {@code X-Admin-Protocol} and an
 *       {@code X-Admin-From} that must name the EID its PSK identity named (else 403); the body holds its pending
 *       notifications ({@code E1}...).
 *   <li>Each notification of this card goes to the {@link NotificationHandler}, in order; those it recorded are
 *       confirmed in one script of {@code 3A08} commands before anything else.
 *   <li>Then each queued script: {@code 200} with the script, {@code X-Admin-Next-URI} (random per connection, a
 *       counter per exchange) and, for an ISD-P, {@code X-Admin-Targeted-Application}; the card POSTs its response
 *       script there with {@code X-Admin-Script-Status}.
 *   <li>{@code 204} when the queue stays empty for the linger time; the connection then closes.
 * </ol>
 *
 * <p>Any request that breaks this (wrong URI, missing or wrong headers, malformed HTTP, a response body that is not
 * a response script) is answered with its 4xx/5xx status and the connection is closed; the script the card held
 * fails with {@link AdminSessionException}. Deviation: a notification body that does not decode is logged and
 * ignored (nothing is confirmed, so the card sends it again), rather than ending the session.
 */
final class AdminSession {

    private static final Logger log = LoggerFactory.getLogger(AdminSession.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int SESSION_ID_BYTES = 16;

    /** What an admin session needs besides its connection; one per listener. */
    record Settings(
            CardCommandQueues queues,
            NotificationHandler notifications,
            RandomGenerator random,
            Duration linger,
            Duration idleTimeout,
            int maxHeaderBytes,
            int maxBodyBytes) {}

    /** A bounded wait for the card's next request: the listener closes the connection when it runs out. */
    interface ReadGuard {
        void arm(Duration timeout);

        void disarm();
    }

    private final Settings settings;
    private final Eid eid;
    private final AdminHttpReader reader;
    private final OutputStream out;
    private final ReadGuard guard;
    private final String sessionPath;
    private int exchanges;

    AdminSession(Settings settings, Eid eid, InputStream in, OutputStream out, ReadGuard guard) {
        this.settings = settings;
        this.eid = eid;
        this.reader = new AdminHttpReader(in, settings.maxHeaderBytes(), settings.maxBodyBytes());
        this.out = out;
        this.guard = guard;
        byte[] id = new byte[SESSION_ID_BYTES];
        settings.random().nextBytes(id);
        this.sessionPath = AdminProtocol.DEFAULT_ADMIN_URI + "/" + HEX.formatHex(id) + "/";
    }

    /** Runs the session to its end; returns normally after {@code 204} or a refused request, throws on I/O. */
    void run() throws IOException {
        try {
            Optional<AdminHttpRequest> first = nextRequest();
            if (first.isEmpty()) {
                return; // handshake, then nothing: the card gave up
            }
            List<Notification> notifications = openSession(first.get());
            SessionTicket ticket = settings.queues().attach(eid);
            try {
                confirm(record(notifications));
                serveQueue(ticket);
            } finally {
                settings.queues().detach(ticket);
            }
        } catch (HttpProtocolException e) {
            log.info("eUICC {}: admin request refused with {}: {}", eid, e.status(), e.getMessage());
            AdminHttpResponses.error(out, e.status());
        }
    }

    private void serveQueue(SessionTicket ticket) throws IOException, HttpProtocolException {
        while (true) {
            Optional<PendingCommand> next;
            try {
                next = settings.queues().next(ticket, settings.linger());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("admin session interrupted");
            }
            if (next.isEmpty()) {
                AdminHttpResponses.noContent(out);
                return;
            }
            PendingCommand command = next.get();
            try {
                Answer answer = exchange(command.script(), command.targetedApplication());
                if (answer.response() != null) {
                    settings.queues().complete(ticket, command, answer.response());
                } else {
                    settings.queues().fail(ticket, command, AdminSessionException.scriptStatus(eid, answer.status()));
                }
            } catch (HttpProtocolException e) {
                settings.queues()
                        .fail(ticket, command, AdminSessionException.malformedResponse(eid, e.getMessage(), e));
                throw e;
            }
        }
    }

    /** Checks the session-opening request and returns the notifications it carries. */
    private List<Notification> openSession(AdminHttpRequest request) throws HttpProtocolException {
        requirePost(request);
        if (!request.target().equals(AdminProtocol.DEFAULT_ADMIN_URI)) {
            throw new HttpProtocolException(404, "no admin agent at " + request.target());
        }
        checkAdminHeaders(request, true);
        if (request.body().length > 0) {
            requireResponseContentType(request);
        }
        try {
            return Notification.decodeAll(request.body());
        } catch (IllegalArgumentException e) {
            log.warn("eUICC {}: notifications not decodable, none confirmed: {}", eid, e.getMessage());
            return List.of();
        }
    }

    /** Hands each notification of this card to the handler; returns those it recorded. */
    private List<Notification> record(List<Notification> notifications) {
        List<Notification> recorded = new ArrayList<>(notifications.size());
        for (Notification notification : notifications) {
            if (!notification.eid().equals(eid)) {
                log.warn("eUICC {}: notification names another eUICC {}, ignored", eid, notification.eid());
                continue;
            }
            try {
                settings.notifications().handle(notification);
                recorded.add(notification);
            } catch (RuntimeException e) {
                log.warn(
                        "eUICC {}: notification {} #{} not recorded, not confirmed: {}",
                        eid,
                        notification.type(),
                        notification.sequenceNumber(),
                        e.toString());
            }
        }
        return recorded;
    }

    /** One script of {@code 3A08} confirmations; a refusal by the card is logged (it will notify again). */
    private void confirm(List<Notification> recorded) throws IOException, HttpProtocolException {
        if (recorded.isEmpty()) {
            return;
        }
        CommandScript script = new CommandScript(recorded.stream()
                .map(n -> IsdRCommands.confirmNotification(n.sequenceNumber()))
                .toList());
        Answer answer = exchange(script, Optional.empty());
        if (answer.response() == null) {
            log.warn("eUICC {}: notification confirmation answered script status {}", eid, answer.status());
        } else if (!answer.response().completes(script)) {
            log.warn(
                    "eUICC {}: notification confirmation failed with {}",
                    eid,
                    answer.response().lastStatusWord().orElse(null));
        }
    }

    /** Sends a script and reads the card's answer to it. */
    private Answer exchange(CommandScript script, Optional<Aid> target) throws IOException, HttpProtocolException {
        String nextUri = sessionPath + ++exchanges;
        AdminHttpResponses.script(
                out,
                script.encode(ScriptForm.INDEFINITE),
                nextUri,
                target.map(AdminProtocol::targetedApplication).orElse(null));
        AdminHttpRequest request =
                nextRequest().orElseThrow(() -> new IOException("the card closed the session inside an exchange"));
        requirePost(request);
        if (!request.target().equals(nextUri)) {
            throw HttpProtocolException.badRequest("POST to " + request.target() + ", not this session's next URI");
        }
        checkAdminHeaders(request, false);
        String status = request.requiredHeader(AdminProtocol.X_ADMIN_SCRIPT_STATUS);
        if (!status.equals(AdminProtocol.SCRIPT_STATUS_OK)) {
            return new Answer(null, status);
        }
        requireResponseContentType(request);
        try {
            return new Answer(ResponseScript.decode(request.body()), status);
        } catch (ScriptException e) {
            throw HttpProtocolException.badRequest("body is not a response script: " + e.getMessage());
        }
    }

    private Optional<AdminHttpRequest> nextRequest() throws IOException, HttpProtocolException {
        guard.arm(settings.idleTimeout());
        try {
            return reader.read();
        } finally {
            guard.disarm();
        }
    }

    private void checkAdminHeaders(AdminHttpRequest request, boolean fromRequired) throws HttpProtocolException {
        if (!request.requiredHeader(AdminProtocol.X_ADMIN_PROTOCOL).equals(AdminProtocol.PROTOCOL)) {
            throw HttpProtocolException.badRequest("unsupported X-Admin-Protocol");
        }
        Optional<String> from = fromRequired
                ? Optional.of(request.requiredHeader(AdminProtocol.X_ADMIN_FROM))
                : request.header(AdminProtocol.X_ADMIN_FROM);
        if (from.isPresent()) {
            Eid claimed;
            try {
                claimed = AdminProtocol.eidFrom(from.get());
            } catch (Scp81FormatException e) {
                throw HttpProtocolException.badRequest("malformed X-Admin-From");
            }
            if (!claimed.equals(eid)) {
                throw new HttpProtocolException(403, "X-Admin-From names " + claimed + ", the PSK identity " + eid);
            }
        }
    }

    private static void requirePost(AdminHttpRequest request) throws HttpProtocolException {
        if (!request.method().equals("POST")) {
            throw new HttpProtocolException(405, "method " + request.method());
        }
    }

    private static void requireResponseContentType(AdminHttpRequest request) throws HttpProtocolException {
        String type = request.requiredHeader("Content-Type");
        if (!normalise(type).equals(normalise(AdminProtocol.RESPONSE_CONTENT_TYPE))) {
            throw new HttpProtocolException(415, "Content-Type " + type);
        }
    }

    /** Media types compare case-insensitively; whitespace around the parameter is allowed (RFC 9110 §8.3.1). */
    private static String normalise(String mediaType) {
        return mediaType.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
    }

    /** The card's answer to one script: a response script, or the script status it gave instead. */
    private record Answer(ResponseScript response, String status) {}
}

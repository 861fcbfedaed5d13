package io.openrsp.euicc.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.euicc.card.ScriptOutcome;
import io.openrsp.euicc.es5.AdminSessionException.Reason;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The card's admin protocol loop against canned server responses; what it writes is read back. */
class RemoteAdminClientTest {

    private static final Eid EID = Eid.withCheckDigits("890490320000100000000000000042");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final RemoteAdminClient.Limits LIMITS = new RemoteAdminClient.Limits(4096, 3, Duration.ofMinutes(1));
    private static final Aid ISDP = Aid.isdP(Tar.of(0x000010));

    private final RemoteAdminClient client =
            new RemoteAdminClient(EID, "smsr.example", AdminProtocol.DEFAULT_ADMIN_URI, LIMITS, CLOCK);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<String> executed = new ArrayList<>();

    private static String script(String nextUri, Optional<Aid> target, byte[] body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: " + AdminProtocol.COMMAND_CONTENT_TYPE + "\r\n"
                + AdminProtocol.X_ADMIN_PROTOCOL + ": " + AdminProtocol.PROTOCOL + "\r\n"
                + AdminProtocol.X_ADMIN_NEXT_URI + ": " + nextUri + "\r\n"
                + target.map(aid -> AdminProtocol.X_ADMIN_TARGETED_APPLICATION + ": "
                                + AdminProtocol.targetedApplication(aid) + "\r\n")
                        .orElse("")
                + "Content-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1);
    }

    private static final String END = "HTTP/1.1 204 No Content\r\n\r\n";

    private static ByteArrayInputStream responses(String... responses) {
        return new ByteArrayInputStream(String.join("", responses).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] commands() {
        return CommandScript.of(IsdRCommands.getStatusAll(), IsdRCommands.confirmNotification(1))
                .encode(ScriptForm.INDEFINITE);
    }

    private ScriptOutcome succeed(Optional<Aid> target, CommandScript script) {
        executed.add(target.map(Aid::toString).orElse("ISD-R") + ":" + script.size());
        List<ResponseApdu> responses = new ArrayList<>();
        script.commands().forEach(c -> responses.add(ResponseApdu.of(StatusWord.NO_ERROR)));
        return new ScriptOutcome.Executed(new ResponseScript(responses));
    }

    private String writtenText() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void runWhenServerSendsScriptThenCardAnswersAtNextUriAndEndsOn204() throws IOException {
        byte[] notifications = Notification.encodeAll(
                List.of(new Notification(EID, NotificationType.DECLARATION, Optional.empty(), 1)));

        RemoteAdminClient.SessionResult result = client.run(
                responses(script("/gsma/adminagent/s-1/1", Optional.empty(), commands()), END),
                written,
                notifications,
                this::succeed);

        assertThat(result.scripts()).isEqualTo(1);
        assertThat(executed).containsExactly("ISD-R:2");
        String text = writtenText();
        String[] requests = text.split("(?=POST )");
        assertThat(requests).hasSize(2);
        assertThat(requests[0])
                .startsWith("POST /gsma/adminagent HTTP/1.1\r\n")
                .contains("Host: smsr.example\r\n")
                .contains("X-Admin-Protocol: globalplatform-remote-admin/1.0\r\n")
                .contains("X-Admin-From: //se-id/eid/" + EID + ";//aa-id/aid/A0000005591010FFFFFFFF8900000100\r\n")
                .contains("Content-Type: " + AdminProtocol.RESPONSE_CONTENT_TYPE + "\r\n")
                .contains("Content-Length: " + notifications.length + "\r\n\r\n")
                .doesNotContain(AdminProtocol.X_ADMIN_SCRIPT_STATUS)
                .endsWith(new String(notifications, StandardCharsets.ISO_8859_1));
        byte[] expectedResponse = ResponseScript.of(
                        ResponseApdu.of(StatusWord.NO_ERROR), ResponseApdu.of(StatusWord.NO_ERROR))
                .encode(ScriptForm.INDEFINITE);
        assertThat(requests[1])
                .startsWith("POST /gsma/adminagent/s-1/1 HTTP/1.1\r\n")
                .contains("X-Admin-Script-Status: ok\r\n")
                .endsWith("Content-Length: " + expectedResponse.length + "\r\n\r\n"
                        + new String(expectedResponse, StandardCharsets.ISO_8859_1));
        assertThat(HexFormat.of().formatHex(expectedResponse)).startsWith("af80");
    }

    @Test
    void runWhenNoNotificationsThenFirstPostHasEmptyBody() throws IOException {
        RemoteAdminClient.SessionResult result = client.run(responses(END), written, new byte[0], this::succeed);

        assertThat(result.scripts()).isZero();
        assertThat(writtenText()).endsWith("Content-Length: 0\r\n\r\n");
        assertThat(executed).isEmpty();
    }

    @Test
    void runWhenTargetedApplicationThenExecutorGetsItsAid() throws IOException {
        client.run(responses(script("/next", Optional.of(ISDP), commands()), END), written, new byte[0], this::succeed);

        assertThat(executed).containsExactly(ISDP + ":2");
    }

    @Test
    void runWhenApplicationUnknownThenUnknownApplicationStatusAndEmptyBody() throws IOException {
        client.run(
                responses(script("/next", Optional.of(ISDP), commands()), END),
                written,
                new byte[0],
                (target, script) -> new ScriptOutcome.UnknownApplication());

        String second = writtenText().split("(?=POST )")[1];
        assertThat(second)
                .contains("X-Admin-Script-Status: unknown-application\r\n")
                .endsWith("Content-Length: 0\r\n\r\n");
    }

    @Test
    void runWhenStatusIsNeither200Nor204ThenUnexpectedStatus() {
        assertSessionFails(
                responses("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"), Reason.UNEXPECTED_STATUS);
    }

    @Test
    void runWhenScriptHasNoNextUriThenBadAdminHeader() {
        String response = script("/next", Optional.empty(), commands()).replace("X-Admin-Next-URI: /next\r\n", "");
        assertSessionFails(responses(response), Reason.BAD_ADMIN_HEADER);
    }

    @Test
    void runWhenNextUriIsAbsoluteUrlThenBadAdminHeader() {
        assertSessionFails(
                responses(script("https://elsewhere.example/x", Optional.empty(), commands())),
                Reason.BAD_ADMIN_HEADER);
    }

    @Test
    void runWhenContentTypeIsNotCommandScriptThenBadAdminHeader() {
        String response = script("/next", Optional.empty(), commands())
                .replace(AdminProtocol.COMMAND_CONTENT_TYPE, "application/octet-stream");
        assertSessionFails(responses(response), Reason.BAD_ADMIN_HEADER);
    }

    @Test
    void runWhenTargetedApplicationMalformedThenBadAdminHeader() {
        String response = script("/next", Optional.of(ISDP), commands())
                .replace(AdminProtocol.targetedApplication(ISDP), "//aid/XYZ");
        assertSessionFails(responses(response), Reason.BAD_ADMIN_HEADER);
    }

    @Test
    void runWhenBodyIsNotCommandScriptThenMalformedScriptAndNothingExecuted() {
        assertSessionFails(
                responses(script("/next", Optional.empty(), new byte[] {(byte) 0xAE, (byte) 0x80, 0x22})),
                Reason.MALFORMED_SCRIPT);
        assertThat(executed).isEmpty();
    }

    @Test
    void runWhenServerSendsMoreScriptsThanAllowedThenTooManyScripts() {
        String one = script("/next", Optional.empty(), commands());
        assertSessionFails(responses(one, one, one, one), Reason.TOO_MANY_SCRIPTS);
        assertThat(executed).hasSize(3);
    }

    @Test
    void runWhenServerClosesInsteadOfAnsweringThenConnectionClosed() {
        assertSessionFails(responses(), Reason.CONNECTION_CLOSED);
    }

    @Test
    void constructorWhenAdminUriIsNotAPathThenRefused() {
        assertThatThrownBy(() -> new RemoteAdminClient(EID, "smsr.example", "gsma", LIMITS, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertSessionFails(ByteArrayInputStream in, Reason reason) {
        assertThatThrownBy(() -> client.run(in, written, new byte[0], this::succeed))
                .asInstanceOf(InstanceOfAssertFactories.type(AdminSessionException.class))
                .extracting(AdminSessionException::reason)
                .isEqualTo(reason);
    }
}

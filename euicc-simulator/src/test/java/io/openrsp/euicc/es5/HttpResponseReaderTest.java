package io.openrsp.euicc.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.euicc.es5.AdminSessionException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private final HttpResponseReader reader = new HttpResponseReader(64);

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void assertRefused(String response, Reason reason) {
        assertThatThrownBy(() -> reader.read(stream(response)))
                .asInstanceOf(InstanceOfAssertFactories.type(AdminSessionException.class))
                .extracting(AdminSessionException::reason)
                .isEqualTo(reason);
    }

    @Test
    void readWhenContentLengthThenBodyAndHeadersByLowerCaseName() throws IOException {
        AdminHttpResponse response =
                reader.read(stream("HTTP/1.1 200 OK\r\nX-Admin-Next-URI: /next/1\r\nContent-Length: 3\r\n\r\nabc"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("x-admin-next-uri")).contains("/next/1");
        assertThat(response.header("X-ADMIN-NEXT-URI")).contains("/next/1");
        assertThat(response.body()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
    }

    @Test
    void readWhenTwoResponsesOnOneStreamThenReadsExactlyOneAtATime() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 204 No Content\r\n\r\n");

        assertThat(reader.read(in).body()).hasSize(2);
        AdminHttpResponse second = reader.read(in);

        assertThat(second.status()).isEqualTo(204);
        assertThat(second.body()).isEmpty();
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void readWhenChunkedWithExtensionAndTrailerThenBodyJoined() throws IOException {
        AdminHttpResponse response = reader.read(stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n"));

        assertThat(response.body()).asString(StandardCharsets.US_ASCII).isEqualTo("abcde");
    }

    @Test
    void readWhen204WithoutLengthThenEmptyBody() throws IOException {
        assertThat(reader.read(stream("HTTP/1.1 204\r\n\r\n")).status()).isEqualTo(204);
    }

    @Test
    void readWhenContentLengthOverLimitThenTooLarge() {
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: 65\r\n\r\n", Reason.TOO_LARGE);
    }

    @Test
    void readWhenChunkedBodyOverLimitThenTooLarge() {
        assertRefused(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + "x".repeat(64)
                        + "\r\n1\r\ny\r\n0\r\n\r\n",
                Reason.TOO_LARGE);
    }

    @Test
    void readWhenLineTooLongThenTooLarge() {
        assertRefused(
                "HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(HttpResponseReader.MAX_LINE) + "\r\n\r\n", Reason.TOO_LARGE);
    }

    @Test
    void readWhenTooManyHeadersThenTooLarge() {
        assertRefused("HTTP/1.1 204\r\n" + headers(HttpResponseReader.MAX_HEADERS + 1) + "\r\n", Reason.TOO_LARGE);
    }

    private static String headers(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("X-H").append(i).append(": v\r\n");
        }
        return out.toString();
    }

    @Test
    void readWhenNeitherLengthNorChunkedThenMalformed() {
        assertRefused("HTTP/1.1 200 OK\r\n\r\nbody", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenBothLengthAndChunkedThenMalformed() {
        assertRefused(
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n",
                Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenOtherTransferEncodingThenMalformed() {
        assertRefused("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenHeaderRepeatedThenMalformed() {
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenContentLengthNotDecimalThenMalformed() {
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", Reason.MALFORMED_HTTP);
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenStatusLineIsNotHttp11ThenMalformed() {
        assertRefused("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", Reason.MALFORMED_HTTP);
        assertRefused("HTTP/1.1 2x0 OK\r\n\r\n", Reason.MALFORMED_HTTP);
        assertRefused("garbage\r\n\r\n", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenBareLineFeedThenMalformed() {
        assertRefused("HTTP/1.1 204 No Content\n\n", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenFoldedHeaderThenMalformed() {
        assertRefused("HTTP/1.1 204\r\nX-A: 1\r\n  continued\r\n\r\n", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenMalformedChunkSizeThenMalformed() {
        assertRefused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", Reason.MALFORMED_HTTP);
        assertRefused(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n0\r\n\r\n", Reason.MALFORMED_HTTP);
    }

    @Test
    void readWhenStreamEndsInsideBodyThenConnectionClosed() {
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", Reason.CONNECTION_CLOSED);
    }

    @Test
    void readWhenStreamEndsBeforeAnyByteThenConnectionClosed() {
        assertRefused("", Reason.CONNECTION_CLOSED);
    }
}

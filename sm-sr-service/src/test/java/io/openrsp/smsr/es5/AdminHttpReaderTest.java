package io.openrsp.smsr.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 request parsing as the admin connection needs it: strict syntax, bounded sizes. */
class AdminHttpReaderTest {

    private static final int MAX_HEADER = 512;
    private static final int MAX_BODY = 64;

    @Test
    void readWhenContentLengthThenBodyAndHeaders() throws Exception {
        AdminHttpRequest request = read("POST /gsma/adminagent HTTP/1.1\r\nHost: sm-sr\r\n"
                        + "X-Admin-Protocol:  globalplatform-remote-admin/1.0 \r\nContent-Length: 3\r\n\r\nabc")
                .orElseThrow();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/gsma/adminagent");
        assertThat(request.header("x-admin-protocol")).contains("globalplatform-remote-admin/1.0");
        assertThat(request.body()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
    }

    @Test
    void readWhenChunkedThenDecodedBodyAndTrailersIgnored() throws Exception {
        AdminHttpRequest request = read("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n")
                .orElseThrow();

        assertThat(request.body()).asString(StandardCharsets.US_ASCII).isEqualTo("abc0123456789");
    }

    @Test
    void readWhenNoBodyHeadersThenEmptyBody() throws Exception {
        assertThat(read("POST / HTTP/1.1\r\nHost: h\r\n\r\n").orElseThrow().body())
                .isEmpty();
    }

    @Test
    void readWhenTwoRequestsOnOneConnectionThenBothInOrderThenEnd() throws Exception {
        AdminHttpReader reader = reader("POST /1 HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nA"
                + "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nB");

        assertThat(reader.read()).map(AdminHttpRequest::target).contains("/1");
        assertThat(reader.read()).map(AdminHttpRequest::target).contains("/2");
        assertThat(reader.read()).isEmpty();
    }

    @Test
    void readWhenConnectionClosedBeforeRequestThenEmpty() throws Exception {
        assertThat(read("")).isEmpty();
    }

    @Test
    void readWhenConnectionClosedInsideBodyThenEof() {
        assertThatThrownBy(() -> read("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc"))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void readWhenConnectionClosedInsideHeaderThenEof() {
        assertThatThrownBy(() -> read("POST / HTTP/1.1\r\nHost: h")).isInstanceOf(EOFException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "POST /  HTTP/1.1\r\nHost: h\r\n\r\n", // two spaces
                "POST gsma HTTP/1.1\r\nHost: h\r\n\r\n", // not origin form
                "POST / HTTP/1.1 extra\r\nHost: h\r\n\r\n",
                "POST / HTTX/1.1\r\nHost: h\r\n\r\n",
                "P(ST / HTTP/1.1\r\nHost: h\r\n\r\n",
                "\r\nPOST / HTTP/1.1\r\nHost: h\r\n\r\n", // leading empty line
                "POST / HTTP/1.1\nHost: h\r\n\r\n", // bare LF
                "POST / HTTP/1.1\r\nHost: h\rX\r\n\r\n", // bare CR
                "POST / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", // obsolete folding
                "POST / HTTP/1.1\r\nHost : h\r\n\r\n", // space before colon
                "POST / HTTP/1.1\r\n: h\r\nHost: h\r\n\r\n", // empty name
                "POST / HTTP/1.1\r\nHost: h\u0001\r\n\r\n", // control byte
                "POST / HTTP/1.1\r\n\r\n", // no Host
                "POST / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", // two Hosts
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1,1\r\n\r\nA",
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nA",
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nZ\r\n",
                "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nAB\r\n0\r\n\r\n",
            })
    void readWhenMalformedThen400(String request) {
        assertStatus(request, 400);
    }

    @Test
    void readWhenOtherHttpVersionThen505() {
        assertStatus("POST / HTTP/1.0\r\nHost: h\r\n\r\n", 505);
    }

    @Test
    void readWhenTransferCodingOtherThanChunkedThen501() {
        assertStatus("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
    }

    @Test
    void readWhenHeaderSectionOverLimitThen431() {
        assertStatus("POST / HTTP/1.1\r\nHost: h\r\nX-Big: " + "a".repeat(MAX_HEADER) + "\r\n\r\n", 431);
    }

    @Test
    void readWhenTooManyHeaderFieldsThen431() {
        AdminHttpReader reader = new AdminHttpReader(
                input("POST / HTTP/1.1\r\nHost: h\r\n" + "A: b\r\n".repeat(AdminHttpReader.MAX_HEADER_FIELDS) + "\r\n"),
                100_000,
                MAX_BODY);

        assertThatThrownBy(reader::read)
                .isInstanceOfSatisfying(
                        HttpProtocolException.class, e -> assertThat(e.status()).isEqualTo(431));
    }

    @Test
    void readWhenContentLengthOverLimitThen413BeforeReadingTheBody() {
        assertStatus("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n", 413);
    }

    @Test
    void readWhenChunkedBodyOverLimitThen413() {
        String chunk = "20\r\n" + "x".repeat(32) + "\r\n";
        assertStatus(
                "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + chunk
                        + "0\r\n\r\n",
                413);
    }

    @Test
    void headerWhenRepeatedThen400() throws Exception {
        AdminHttpRequest request =
                read("POST / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a: 2\r\n\r\n").orElseThrow();

        assertThatThrownBy(() -> request.header("X-A"))
                .isInstanceOfSatisfying(
                        HttpProtocolException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> request.requiredHeader("X-Missing"))
                .isInstanceOfSatisfying(
                        HttpProtocolException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static void assertStatus(String request, int status) {
        assertThatThrownBy(() -> read(request))
                .isInstanceOfSatisfying(
                        HttpProtocolException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    private static java.util.Optional<AdminHttpRequest> read(String raw) throws Exception {
        return reader(raw).read();
    }

    private static AdminHttpReader reader(String raw) {
        return new AdminHttpReader(input(raw), MAX_HEADER, MAX_BODY);
    }

    private static ByteArrayInputStream input(String raw) {
        return new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
    }
}

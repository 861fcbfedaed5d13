package io.openrsp.cli.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTPS to one service, for the command line's clients: requests written with Jackson, answers read
 * tolerantly (a newer service may add fields), HTTP errors turned into {@link ClientException}s carrying the RFC 9457
 * problem's {@code detail} when the service sent one.
 */
final class JsonHttp {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final int MAX_SHOWN_BODY = 300;

    private final HttpClient http;
    private final URI base;
    private final String service;
    private final Duration requestTimeout;

    JsonHttp(HttpClient http, URI base, String service, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.service = Objects.requireNonNull(service, "service");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    String service() {
        return service;
    }

    /** {@code POST path} with {@code json} as the body. */
    HttpResponse<String> post(String path, String json) throws ClientException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** {@code POST path} with {@code body} written as JSON. */
    HttpResponse<String> postJson(String path, Object body) throws ClientException, InterruptedException {
        return post(path, JSON.writeValueAsString(body));
    }

    /** {@code GET path}, which must answer 200 with a {@code type}. */
    <T> T get(String path, Class<T> type) throws ClientException, InterruptedException {
        return get(path, type, requestTimeout);
    }

    /** {@code GET path} allowing the answer {@code timeout} (a long poll may take longer than a usual request). */
    <T> T get(String path, Class<T> type, Duration timeout) throws ClientException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build());
        return read(expect(response, 200), type);
    }

    /** The response if its status is {@code status}, else a {@link ClientException.Reason#HTTP_STATUS}. */
    HttpResponse<String> expect(HttpResponse<String> response, int status) throws ClientException {
        if (response.statusCode() != status) {
            throw unexpected(response);
        }
        return response;
    }

    <T> T read(HttpResponse<String> response, Class<T> type) throws ClientException {
        try {
            T value = JSON.readValue(response.body(), type);
            if (value == null) {
                throw malformed(response, null);
            }
            return value;
        } catch (JacksonException e) {
            throw malformed(response, e);
        }
    }

    /** {@code GET path} accepting {@code mediaType}, which must answer 200; the body as text. */
    String getText(String path, String mediaType) throws ClientException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", mediaType)
                .GET()
                .build());
        return expect(response, 200).body();
    }

    /** The status and the problem's detail (or the start of the body) as a {@link ClientException}. */
    ClientException unexpected(HttpResponse<String> response) {
        return new ClientException(
                ClientException.Reason.HTTP_STATUS,
                service,
                describe(response.request()) + " answered HTTP " + response.statusCode() + problemDetail(response));
    }

    private HttpResponse<String> send(HttpRequest request) throws ClientException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ClientException(
                    ClientException.Reason.TIMEOUT,
                    service,
                    describe(request) + ": no answer within " + requestTimeout.toSeconds() + " s",
                    e);
        } catch (IOException e) {
            throw new ClientException(
                    ClientException.Reason.TRANSPORT, service, describe(request) + ": " + transportCause(e), e);
        }
    }

    private ClientException malformed(HttpResponse<String> response, Exception cause) {
        return new ClientException(
                ClientException.Reason.MALFORMED_RESPONSE,
                service,
                describe(response.request()) + " answered what is not the expected JSON: " + shorten(response.body()),
                cause);
    }

    private String describe(HttpRequest request) {
        return request.method() + " " + request.uri() + " (" + service + ")";
    }

    /** The innermost message: "Connection refused", a TLS alert, ... */
    static String transportCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "cannot connect (is the service running, on this port?)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String problemDetail(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return ": " + problem.get("detail").asString();
            }
            if (problem != null && problem.hasNonNull("title")) {
                return ": " + problem.get("title").asString();
            }
        } catch (JacksonException notJson) {
            // fall through: show the start of the body
        }
        return ": " + shorten(body);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "(no body)";
        }
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > MAX_SHOWN_BODY ? printable.substring(0, MAX_SHOWN_BODY) + "..." : printable;
    }
}

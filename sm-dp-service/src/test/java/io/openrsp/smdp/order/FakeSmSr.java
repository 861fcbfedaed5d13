package io.openrsp.smdp.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsMessage;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The SM-SR's ES3 functions as an order needs them, in-test: a JDK HTTPS server (TLS 1.3, the sm-sr certificate,
 * client certificate required) that answers each function, keeps processed call ids like the SM-SR (a repeat gets
 * the first response and executes nothing), records every call, and fails the functions a test asks for, per EID.
 */
final class FakeSmSr {

    static final StatusCodeData NO_MEMORY =
            new StatusCodeData(SubjectCode.EUICC, ReasonCode.INSUFFICIENT_MEMORY, null, "not enough memory");
    static final StatusCodeData ENABLE_REFUSED =
            new StatusCodeData(SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED, null, "POL2 forbids");

    /** One call as received. */
    record Call(String function, String callId, String eid, EsRequest request) {}

    private final HttpsServer server;
    private final Map<String, String> processed = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger isdpTars = new AtomicInteger(0x10);
    private final AtomicInteger executions = new AtomicInteger();
    final Set<String> createIsdpFails = ConcurrentHashMap.newKeySet();
    final Set<String> enableFails = ConcurrentHashMap.newKeySet();

    private FakeSmSr(HttpsServer server) {
        this.server = server;
    }

    static FakeSmSr start(TestPki pki) {
        try {
            SSLContext context = pki.client("sm-sr");
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setProtocols(new String[] {"TLSv1.3"});
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            FakeSmSr fake = new FakeSmSr(server);
            server.createContext("/gsma/es3/", fake::handle);
            server.start();
            return fake;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    /** The calls received for {@code eid}, in order. */
    List<Call> calls(String eid) {
        return calls.stream().filter(c -> c.eid().equals(eid)).toList();
    }

    List<String> functions(String eid) {
        return calls(eid).stream().map(Call::function).toList();
    }

    /** Function executions (not repeats answered from the processed call ids). */
    int executions() {
        return executions.get();
    }

    /** As if the SM-SR had processed {@code callId} before the SM-DP crashed: a repeat gets {@code response}. */
    void processedBefore(String callId, EsMessage response) {
        processed.put(callId, EsJson.toJson(response));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String answer = switch (path) {
                case Es3.GetEis.PATH -> {
                    var request = EsJson.readRequest(body, Es3.GetEis.Request.class);
                    yield once(
                            Es3.GetEis.NAME,
                            request,
                            request.eid(),
                            () -> new Es3.GetEis.Response(ResponseHeader.success(), eis(request.eid())));
                }
                case Es3.CreateIsdp.PATH -> {
                    var request = EsJson.readRequest(body, Es3.CreateIsdp.Request.class);
                    yield once(
                            Es3.CreateIsdp.NAME,
                            request,
                            request.eid(),
                            () -> createIsdpFails.contains(request.eid())
                                    ? new Es3.CreateIsdp.Response(ResponseHeader.failed(NO_MEMORY), null, null)
                                    : new Es3.CreateIsdp.Response(
                                            ResponseHeader.success(),
                                            String.format("A0000005591010FFFFFFFF89%06X00", isdpTars.getAndIncrement()),
                                            "AF80230190009000"));
                }
                case Es3.ProfileDownloadCompleted.PATH -> {
                    var request = EsJson.readRequest(body, Es3.ProfileDownloadCompleted.Request.class);
                    yield once(
                            Es3.ProfileDownloadCompleted.NAME,
                            request,
                            request.eid(),
                            () -> new Es3.ProfileDownloadCompleted.Response(ResponseHeader.success()));
                }
                case Es3.EnableProfile.PATH -> {
                    var request = EsJson.readRequest(body, Es3.EnableProfile.Request.class);
                    yield once(
                            Es3.EnableProfile.NAME,
                            request,
                            request.eid(),
                            () -> enableFails.contains(request.eid())
                                    ? new Es3.EnableProfile.Response(ResponseHeader.failed(ENABLE_REFUSED), null)
                                    : new Es3.EnableProfile.Response(ResponseHeader.success(), null));
                }
                case Es3.DeleteIsdp.PATH -> {
                    var request = EsJson.readRequest(body, Es3.DeleteIsdp.Request.class);
                    yield once(
                            Es3.DeleteIsdp.NAME,
                            request,
                            request.eid(),
                            () -> new Es3.DeleteIsdp.Response(ResponseHeader.success(), null));
                }
                default -> null;
            };
            if (answer == null) {
                reply(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            } else {
                reply(exchange, 200, "application/json", answer);
            }
        }
    }

    private interface Execution {
        EsMessage run();
    }

    private String once(String function, EsRequest request, String eid, Execution execution) {
        String callId = request.header().functionCallIdentifier();
        calls.add(new Call(function, callId, eid, request));
        return processed.computeIfAbsent(callId, id -> {
            executions.incrementAndGet();
            return EsJson.toJson(execution.run());
        });
    }

    private static Eis eis(String eid) {
        return new Eis(
                eid, "EUM-1", null, null, null, null, null, null, "SM-SR-1", null, new Ecasd(null, "AAAA"), null, null);
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

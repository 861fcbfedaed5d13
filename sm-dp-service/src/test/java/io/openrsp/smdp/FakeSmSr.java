package io.openrsp.smdp;

import com.sun.net.httpserver.HttpExchange;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The SM-SR as the SM-DP's ES3 client meets it in tests: a {@link TestHttpsServer} with the sm-sr certificate that
 * serves only the sm-dp client certificate (any other gets 403). Every request is kept by path as received.
 *
 * <p>By default it answers the functions an order needs (GetEIS, CreateISDP, ProfileDownloadCompleted,
 * EnableProfile, DeleteISDP) like the SM-SR: it keeps processed call ids (a repeat gets the first response and
 * executes nothing), records every call by EID, and fails the functions a test asks for, per EID. A test may replace
 * the answer of a path ({@link #answer}, {@link #neverAnswer}); other paths get 404.
 */
public final class FakeSmSr {

    public static final StatusCodeData NO_MEMORY =
            new StatusCodeData(SubjectCode.EUICC, ReasonCode.INSUFFICIENT_MEMORY, null, "not enough memory");
    public static final StatusCodeData ENABLE_REFUSED =
            new StatusCodeData(SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED, null, "POL2 forbids");

    /** One call to a default function as received. */
    public record Call(String function, String callId, String eid, EsRequest request) {}

    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Function<byte[], EsMessage>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> received = new ConcurrentHashMap<>();
    private final Map<String, String> processed = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger isdpTars = new AtomicInteger(0x10);
    private final AtomicInteger executions = new AtomicInteger();
    private final Set<String> createIsdpFails = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> createIsdpHolds = new ConcurrentHashMap<>();
    private final Set<String> enableFails = ConcurrentHashMap.newKeySet();
    private final TestHttpsServer server;

    private FakeSmSr(TestPki pki) {
        // nobody knows the port before start returns, so no request reaches handle before server is set
        this.server = TestHttpsServer.start(pki, "sm-sr", "/gsma/es3/", this::handle);
    }

    public static FakeSmSr start(TestPki pki) {
        return new FakeSmSr(pki);
    }

    public int port() {
        return server.port();
    }

    public void stop() {
        release.countDown();
        server.stop();
    }

    /** Answers {@code path} with what {@code answer} makes of the request's JSON, instead of the default. */
    public <T extends EsRequest> void answer(String path, Class<T> type, Function<T, EsMessage> answer) {
        answers.put(path, body -> answer.apply(EsJson.readRequest(body, type)));
    }

    /** Leaves calls to {@code path} unanswered until {@link #stop}. */
    public void neverAnswer(String path) {
        answers.put(path, body -> {
            awaitRelease(release);
            return null;
        });
    }

    private static void awaitRelease(@Nullable CountDownLatch latch) {
        if (latch == null) {
            return;
        }
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The requests received at {@code path}, read strictly, oldest first. */
    public <T extends EsRequest> List<T> received(String path, Class<T> type) {
        return received.getOrDefault(path, List.of()).stream()
                .map(body -> EsJson.readRequest(body, type))
                .toList();
    }

    /** The default CreateISDP for {@code eid} answers {@link #NO_MEMORY}. */
    public void failCreateIsdp(String eid) {
        createIsdpFails.add(eid);
    }

    /** The default CreateISDP for {@code eid} answers only once {@code release} is counted down (at most 60 s). */
    public void holdCreateIsdp(String eid, CountDownLatch release) {
        createIsdpHolds.put(eid, release);
    }

    /** The default EnableProfile for {@code eid} answers {@link #ENABLE_REFUSED}. */
    public void refuseEnable(String eid) {
        enableFails.add(eid);
    }

    /** The calls to the default functions received for {@code eid}, in order. */
    public List<Call> calls(String eid) {
        return calls.stream().filter(c -> c.eid().equals(eid)).toList();
    }

    public List<String> functions(String eid) {
        return calls(eid).stream().map(Call::function).toList();
    }

    /** Function executions (not repeats answered from the processed call ids). */
    public int executions() {
        return executions.get();
    }

    /** As if the SM-SR had processed {@code callId} before the SM-DP crashed: a repeat gets {@code response}. */
    public void processedBefore(String callId, EsMessage response) {
        processed.put(callId, EsJson.toJson(response));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (server.refusedUnlessSmDp(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
            Function<byte[], EsMessage> answer = answers.get(path);
            if (answer != null) {
                EsMessage response = answer.apply(body);
                if (response != null) { // else the exchange closes unanswered
                    TestHttpsServer.reply(exchange, 200, "application/json", EsJson.toJson(response));
                }
                return;
            }
            String response = byDefault(path, body);
            if (response == null) {
                TestHttpsServer.notFound(exchange);
            } else {
                TestHttpsServer.reply(exchange, 200, "application/json", response);
            }
        }
    }

    private String byDefault(String path, byte[] body) {
        return switch (path) {
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
                awaitRelease(createIsdpHolds.get(request.eid()));
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
    }

    private String once(String function, EsRequest request, String eid, Supplier<EsMessage> execution) {
        String callId = request.header().functionCallIdentifier();
        calls.add(new Call(function, callId, eid, request));
        return processed.computeIfAbsent(callId, id -> {
            executions.incrementAndGet();
            return EsJson.toJson(execution.get());
        });
    }

    private static Eis eis(String eid) {
        return new Eis(
                eid, "EUM-1", null, null, null, null, null, null, "SM-SR-1", null, new Ecasd(null, "AAAA"), null, null);
    }
}

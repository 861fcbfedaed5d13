package io.openrsp.cli;

import io.openrsp.cli.client.ClientException;
import io.openrsp.cli.client.Es2Client;
import io.openrsp.cli.client.HttpsClients;
import io.openrsp.cli.client.InventoryClient;
import io.openrsp.cli.client.MetricsClient;
import io.openrsp.cli.client.Order;
import io.openrsp.cli.client.SimulatorClient;
import io.openrsp.cli.metrics.Scrape;
import io.openrsp.cli.metrics.ServiceMetrics;
import io.openrsp.cli.platform.PlatformLayout;
import io.openrsp.cli.platform.PlatformPorts;
import io.openrsp.cli.platform.PlatformService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rsp bench}: load on a running platform ({@code rsp demo --keep-running}). Makes N cards on the simulator, N
 * demo profiles on the SM-DP, then places N ES2 DownloadProfile orders with enable, C at a time, following each with
 * long polls until it ends, with a progress bar on stderr. Reads each service's Prometheus metrics before and after
 * the orders. Writes the report ({@link ReportFiles}: JSON, HTML, PDF, chart images) and prints a table: client-side
 * latency, each step's duration as the SM-DP measured it, the steps over the threshold, the first failures and their
 * diagnosis.
 *
 * <p>Exit codes: 0 every order completed; 1 errors, or the platform could not be reached; 2 a usage error.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a running platform (./rsp demo --keep-running): N cards, N demo profiles, N ES2 DownloadProfile "
                    + "orders with enable, C at a time.",
            "Writes <out>/bench.json, report.html, report.pdf and the charts as PNG; prints latency and step "
                    + "percentiles. Exit 0 when every order completed."
        })
final class BenchCommand implements Callable<Integer> {

    static final int MAX_CONCURRENCY = 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "-n", required = true, paramLabel = "N", description = "Orders to place (at least 1).")
    int n;

    @Option(
            names = "-c",
            paramLabel = "C",
            defaultValue = "1",
            description = "Orders in flight at once, 1 to " + MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "bench-report",
            description = "Where the report goes (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--threshold-ms",
            paramLabel = "MS",
            defaultValue = "5000",
            description = "A step whose p95 exceeds this is a bottleneck (default: ${DEFAULT-VALUE}).")
    long thresholdMillis;

    @Option(
            names = "--base-port",
            paramLabel = "PORT",
            defaultValue = "8440",
            description = "The platform's base port, as given to rsp demo (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
            names = "--profile-type",
            paramLabel = "TYPE",
            defaultValue = "demo",
            description = "Profile type to generate and order (default: ${DEFAULT-VALUE}).")
    String profileType;

    @Option(
            names = "--pki",
            paramLabel = "DIR",
            defaultValue = "pki",
            description = "Directory with admin.*, operator-1.* and trust-bundle.pem (default: ./pki).")
    Path pki;

    @Option(
            names = "--order-timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "How long one order may take (default: ${DEFAULT-VALUE}).")
    int orderTimeoutSeconds;

    /**
     * How one order ended, as the client saw it.
     *
     * @param endedAfter when it ended, since the order phase began
     */
    record Outcome(
            String orderId,
            boolean completed,
            long latencyMillis,
            Order order,
            BenchReport.Failure failure,
            Duration endedAfter) {}

    @Override
    public Integer call() throws InterruptedException {
        PlatformPorts ports = validate();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant startedAt = Instant.now();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Duration orderPhase;
        List<ServiceMetrics> services = new ArrayList<>();
        try {
            HttpClient admin = HttpsClients.client(HttpsClients.Identity.inPki(pki, "admin"));
            var operatorIdentity = HttpsClients.Identity.inPki(pki, "operator-1");
            var es2 = new Es2Client(
                    HttpsClients.client(operatorIdentity),
                    ports.url(PlatformService.SM_DP),
                    HttpsClients.commonName(operatorIdentity.certificate()),
                    Clock.systemUTC());

            Instant start = Instant.now();
            var simulator = new SimulatorClient(admin, ports.url(PlatformService.EUICC_SIMULATOR));
            List<SimulatorClient.CreatedCard> cards = new ArrayList<>(n);
            while (cards.size() < n) {
                cards.addAll(simulator.createCards(Math.min(SimulatorClient.BATCH, n - cards.size())));
            }
            err.println("rsp bench: " + n + " cards made in " + Report.duration(since(start)));
            start = Instant.now();
            new InventoryClient(admin, ports.url(PlatformService.SM_DP)).generateDemo(profileType, n);
            err.println("rsp bench: " + n + " profiles of type " + profileType + " generated in "
                    + Report.duration(since(start)));
            err.flush();

            var metrics = new MetricsClient(admin);
            Map<PlatformService, Scrape> before = scrapeAll(metrics, ports);
            long orderStart = System.nanoTime();
            Semaphore inFlight = new Semaphore(concurrency);
            try (BenchProgress progress = BenchProgress.onStderr(err, n)) {
                try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (SimulatorClient.CreatedCard card : cards) {
                        if (!card.registered()) {
                            outcomes.add(unregistered(card, orderStart));
                            progress.ended(false);
                            continue;
                        }
                        inFlight.acquire();
                        executor.submit(() -> {
                            try {
                                Outcome outcome = order(es2, card.eid(), orderStart);
                                outcomes.add(outcome);
                                progress.ended(outcome.completed());
                                return null;
                            } finally {
                                inFlight.release();
                            }
                        });
                    }
                }
                orderPhase = Duration.ofNanos(System.nanoTime() - orderStart);
            }
            Map<PlatformService, Scrape> after = scrapeAll(metrics, ports);
            for (PlatformService service : PlatformService.values()) {
                services.add(ServiceMetrics.between(service.moduleName(), before.get(service), after.get(service)));
            }
        } catch (ClientException e) {
            err.println("rsp bench: " + e.getMessage());
            err.flush();
            return 1;
        }
        BenchReport report =
                report(startedAt, since(startedAt), orderPhase, List.copyOf(outcomes), List.copyOf(services));
        ReportFiles.Written written;
        try {
            written = ReportFiles.write(report, out);
        } catch (IOException | RuntimeException e) {
            err.println("rsp bench: cannot write the report into " + out + ": " + e);
            err.flush();
            return 1;
        }
        report.table().forEach(stdout::println);
        stdout.println("report: " + written.json());
        stdout.println("        " + written.html());
        stdout.println("        " + written.pdf());
        stdout.println("charts: " + written.latencyPng() + ", " + written.throughputPng());
        stdout.flush();
        return report.errors() == 0 ? 0 : 1;
    }

    /** The outcome of a card the simulator made but could not register: no order is placed for it. */
    private static Outcome unregistered(SimulatorClient.CreatedCard card, long orderStart) {
        var why = card.registrationFailure();
        return new Outcome(
                null,
                false,
                0,
                null,
                new BenchReport.Failure(
                        null,
                        FailureDiagnosis.CARD_REGISTRATION,
                        why == null ? "NOT_REGISTERED" : why.reason(),
                        "card " + card.eid() + (why == null ? "" : ": " + why.detail())),
                Duration.ofNanos(System.nanoTime() - orderStart));
    }

    /** Every service's metrics now; a service whose metrics cannot be read says why. */
    private static Map<PlatformService, Scrape> scrapeAll(MetricsClient metrics, PlatformPorts ports)
            throws InterruptedException {
        Map<PlatformService, Scrape> scrapes = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            try {
                String text = metrics.scrape(ports.url(service), service.moduleName());
                scrapes.put(service, Scrape.of(System.nanoTime(), text));
            } catch (ClientException e) {
                scrapes.put(service, Scrape.failed(System.nanoTime(), e.getMessage()));
            }
        }
        return scrapes;
    }

    /** Places one order and follows it to its end. */
    private Outcome order(Es2Client es2, String eid, long orderStart) throws InterruptedException {
        Instant begin = Instant.now();
        String orderId = null;
        try {
            orderId = es2.downloadProfile(new Es2Client.Download(eid, null, profileType, true))
                    .orderId();
            Order order = es2.awaitFinal(orderId, Duration.ofSeconds(orderTimeoutSeconds));
            long latency = since(begin).toMillis();
            Duration ended = Duration.ofNanos(System.nanoTime() - orderStart);
            if (order.isCompleted()) {
                return new Outcome(orderId, true, latency, order, null, ended);
            }
            Order.Failure why = order.failure();
            return new Outcome(
                    orderId,
                    false,
                    latency,
                    order,
                    why == null
                            ? new BenchReport.Failure(orderId, null, order.state(), "the SM-DP gives no reason")
                            : new BenchReport.Failure(orderId, why.step(), why.reason(), why.message()),
                    ended);
        } catch (ClientException e) {
            return new Outcome(
                    orderId,
                    false,
                    since(begin).toMillis(),
                    null,
                    new BenchReport.Failure(
                            orderId,
                            orderId == null ? FailureDiagnosis.DOWNLOAD_PROFILE : FailureDiagnosis.AWAIT_ORDER,
                            e.reason().name(),
                            e.getMessage()),
                    Duration.ofNanos(System.nanoTime() - orderStart));
        }
    }

    /** The report of the outcomes; latency over the orders that reached a final state. */
    BenchReport report(
            Instant startedAt,
            Duration elapsed,
            Duration orderPhase,
            List<Outcome> outcomes,
            List<ServiceMetrics> services) {
        List<Long> latencies = new ArrayList<>();
        List<Timeline.End> ends = new ArrayList<>();
        Map<String, List<Long>> stepDurations = new LinkedHashMap<>();
        List<BenchReport.Failure> failures = new ArrayList<>();
        int completed = 0;
        for (Outcome outcome : outcomes) {
            ends.add(new Timeline.End(outcome.endedAfter(), outcome.completed()));
            if (outcome.order() != null) {
                latencies.add(outcome.latencyMillis());
                for (Order.Step step : outcome.order().steps()) {
                    if (step.durationMillis() != null) {
                        stepDurations
                                .computeIfAbsent(step.name(), name -> new ArrayList<>())
                                .add(step.durationMillis());
                    }
                }
            }
            if (outcome.completed()) {
                completed++;
            } else if (outcome.failure() != null) {
                failures.add(outcome.failure());
            }
        }
        Map<String, Percentiles.Summary> steps = new LinkedHashMap<>();
        stepDurations.forEach((name, values) -> steps.put(name, new Percentiles(values).summary()));
        double orderSeconds = orderPhase.toNanos() / 1e9;
        return new BenchReport(
                n,
                concurrency,
                startedAt.toString(),
                Math.round(elapsed.toMillis() / 10.0) / 100.0,
                n - completed,
                orderSeconds > 0 ? Math.round(completed / orderSeconds * 100) / 100.0 : 0,
                new Percentiles(latencies).summary(),
                steps,
                BenchReport.bottlenecks(steps, thresholdMillis),
                failures,
                thresholdMillis,
                Math.round(orderSeconds * 1000) / 1000.0,
                Timeline.perSecond(ends, orderPhase),
                LatencyHistogram.of(latencies),
                services,
                FailureDiagnosis.of(failures, n, PlatformLayout.of(Path.of(""))),
                BenchReport.Environment.current());
    }

    /** Checks the options beyond what picocli checks; usage errors exit 2. */
    PlatformPorts validate() {
        if (n < 1) {
            throw usage("-n must be at least 1, got " + n);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw usage("-c must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (thresholdMillis < 0) {
            throw usage("--threshold-ms must not be negative");
        }
        if (profileType.isBlank()) {
            throw usage("--profile-type must not be blank");
        }
        if (orderTimeoutSeconds < 1) {
            throw usage("--order-timeout must be at least 1 second");
        }
        try {
            return new PlatformPorts(basePort);
        } catch (IllegalArgumentException e) {
            throw usage("--base-port: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}

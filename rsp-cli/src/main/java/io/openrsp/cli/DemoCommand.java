package io.openrsp.cli;

import io.openrsp.cli.client.ClientException;
import io.openrsp.cli.client.Es2Client;
import io.openrsp.cli.client.HttpsClients;
import io.openrsp.cli.client.InventoryClient;
import io.openrsp.cli.client.Order;
import io.openrsp.cli.client.SimulatorClient;
import io.openrsp.cli.platform.PlatformDatabase;
import io.openrsp.cli.platform.PlatformException;
import io.openrsp.cli.platform.PlatformLayout;
import io.openrsp.cli.platform.PlatformPorts;
import io.openrsp.cli.platform.PlatformProcesses;
import io.openrsp.cli.platform.PlatformService;
import io.openrsp.cli.platform.PlatformSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rsp demo}: the whole platform on one machine and one provisioning through it, DESIGN.md §4 end to end. The
 * four services run as separate processes in the platform directory on their default ports and embedded H2, or with
 * {@code --postgres} on a PostgreSQL server configured as compose configures it ({@link PlatformProcesses},
 * {@link PlatformDatabase}); then the EUM factory makes a card and registers it at the SM-SR (ES1), the SM-DP gets
 * a demo profile, and the operator's ES2 DownloadProfile with enable installs it (ES3, ES8 and ES5 inside). Each step
 * is printed with its duration, then the card's own view of its ISD-Ps.
 *
 * <p>On failure: exit 1 with the step, the service and the end of that service's log. Without
 * {@code --keep-running} the services are stopped at the end; with it they stay up until Ctrl-C.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the platform (the four services as processes, H2 under ./data or --postgres, the PKI in ./pki) and"
                    + " provision a "
                    + "demo profile onto a new simulated card with ES2 DownloadProfile and enable.",
            "Logs go to ./data/logs/<service>.log, pids to ./data/run/<service>.pid. Exit 0 when the profile is "
                    + "installed and enabled; 1 with a diagnosis otherwise."
        })
final class DemoCommand implements Callable<Integer> {

    static final String PROFILE_TYPE = "demo";
    static final int SPARE_PROFILES = 10;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--keep-running",
            description = "Leave the platform up after the demo and print its URLs; Ctrl-C stops it.")
    boolean keepRunning;

    @Option(
            names = "--fresh",
            description = "Start from an empty ./data (deletes the services' databases and logs; ./pki is kept).")
    boolean fresh;

    @Option(
            names = "--postgres",
            arity = "0..1",
            paramLabel = "SERVER",
            fallbackValue = PlatformDatabase.LOCAL_SERVER,
            description = "Keep the services' state on PostgreSQL instead of H2: a database per service (rootca, smdp,"
                    + " smsr, simulator, created if missing; --fresh recreates them), set as docker-compose.yml sets"
                    + " it. SERVER defaults to ${FALLBACK-VALUE}; the password, if any, comes from PGPASSWORD.")
    String postgres;

    @Option(
            names = "--postgres-user",
            paramLabel = "ROLE",
            defaultValue = PlatformDatabase.DEFAULT_USER,
            description = "The PostgreSQL role for --postgres (default: ${DEFAULT-VALUE}).")
    String postgresUser;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Platform directory holding pki/ and data/ (default: the current directory).")
    Path directory;

    @Option(
            names = "--base-port",
            paramLabel = "PORT",
            defaultValue = "8440",
            description = "First of the five consecutive ports: root CA, SM-DP, SM-SR, SM-SR ES5, simulator"
                    + " (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
            names = "--start-timeout",
            paramLabel = "SECONDS",
            defaultValue = "180",
            description = "How long each service may take to become healthy (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds;

    @Option(
            names = "--order-timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "How long the provisioning order may take (default: ${DEFAULT-VALUE}).")
    int orderTimeoutSeconds;

    /** A failed step: its name, the service at fault (may be null), what happened, and log lines to show. */
    static final class StepFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String step;
        final transient PlatformService service;
        final List<String> details;
        final String logTail;

        StepFailure(String step, PlatformService service, List<String> details, String logTail) {
            super(String.join("; ", details));
            this.step = step;
            this.service = service;
            this.details = List.copyOf(details);
            this.logTail = logTail;
        }
    }

    private PrintWriter out;
    private PlatformLayout layout;

    @Override
    public Integer call() throws InterruptedException {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (startTimeoutSeconds < 1 || orderTimeoutSeconds < 1) {
            err.println("rsp demo: --start-timeout and --order-timeout must be at least 1 second");
            return 2;
        }
        try {
            layout = PlatformLayout.of(directory).withPorts(new PlatformPorts(basePort));
        } catch (IllegalArgumentException e) {
            err.println("rsp demo: --base-port: " + e.getMessage());
            return 2;
        }
        try {
            layout = layout.withDatabase(
                    postgres == null ? PlatformDatabase.embedded() : PlatformDatabase.postgres(postgres, postgresUser));
        } catch (IllegalArgumentException e) {
            err.println("rsp demo: --postgres: " + e.getMessage());
            return 2;
        }
        PlatformProcesses processes = new PlatformProcesses(layout, out);
        processes.installShutdownHook();
        Instant begin = Instant.now();
        boolean stayUp = false;
        try {
            String eid = run(processes);
            out.println("demo passed in " + Report.duration(Duration.between(begin, Instant.now())) + ": card " + eid
                    + " holds the enabled demo profile");
            out.flush();
            stayUp = keepRunning;
        } catch (StepFailure failure) {
            diagnose(err, failure);
            return 1;
        } finally {
            if (!stayUp) {
                processes.close();
            }
        }
        if (!keepRunning) {
            return 0;
        }
        printUrls();
        // The shutdown hook stops the services on Ctrl-C; nothing else ends this wait.
        new CountDownLatch(1).await();
        return 0;
    }

    /** The demo's steps; returns the card's EID. */
    private String run(PlatformProcesses processes) throws StepFailure, InterruptedException {
        out.println("rsp demo in " + layout.directory() + " (PKI ./pki, databases: "
                + layout.database().describe() + ", logs ./data/logs)");
        out.flush();

        Instant start = Instant.now();
        String step = "prepare";
        try {
            for (PlatformService service : PlatformService.values()) {
                processes.requireFreePorts(service);
                layout.jar(service);
            }
            var prepared = new PlatformSetup(layout, Clock.systemUTC(), new SecureRandom()).prepare(fresh);
            List<String> did = new ArrayList<>();
            did.add(prepared.pkiCreated() ? "created ./pki (" + prepared.pkiFiles() + " files)" : "kept ./pki");
            if (prepared.masterKeyCreated()) {
                did.add("new ./pki/master.key");
            }
            if (prepared.dataCleared()) {
                did.add("emptied ./data");
            }
            if (layout.database().isPostgres()) {
                did.add((prepared.dataCleared() ? "recreated" : "ensured") + " databases rootca, smdp, smsr,"
                        + " simulator");
            }
            out.println(Report.line(step, String.join(", ", did), since(start)));
            out.flush();

            step = "start services";
            start = Instant.now();
            HttpClient admin = HttpsClients.client(HttpsClients.Identity.inPki(layout.pki(), "admin"));
            record();
            List<PlatformProcesses.Started> started = new ArrayList<>();
            for (PlatformService service : PlatformService.values()) {
                started.add(processes.start(service, false));
            }
            out.println(Report.line(step, started.size() + " processes, waiting until healthy", since(start)));
            out.flush();
            // All are starting at once: waiting for one after the other costs no more than the slowest.
            for (PlatformProcesses.Started service : started) {
                processes.awaitHealthy(service, admin, Duration.ofSeconds(startTimeoutSeconds));
                out.println(Report.detail(
                        service.service().moduleName(),
                        "healthy  " + layout.ports().url(service.service()) + "  pid " + service.pid(),
                        Duration.between(service.startedAt(), Instant.now())));
                out.flush();
                processes.onUnexpectedExit(service, this::reportExit);
            }
            return provision(admin);
        } catch (PlatformException e) {
            String logTail = e.logTail();
            throw new StepFailure(step, e.service(), List.of(e.getMessage()), logTail);
        } catch (ClientException e) {
            throw failure(step, e);
        }
    }

    /** Card, profile, ES2 DownloadProfile with enable, the card's view. */
    private String provision(HttpClient admin) throws StepFailure, InterruptedException, ClientException {
        String step = "create card";
        Instant start = Instant.now();
        var simulator = new SimulatorClient(admin, layout.ports().url(PlatformService.EUICC_SIMULATOR));
        SimulatorClient.CreatedCard card;
        try {
            card = simulator.createCard();
        } catch (ClientException e) {
            throw failure(step, e);
        }
        if (!card.registered()) {
            var why = card.registrationFailure();
            throw new StepFailure(
                    step,
                    PlatformService.SM_SR,
                    List.of(
                            "card " + card.eid() + " was made but its ES1 registration at the SM-SR failed",
                            why == null ? "no reason given" : why.reason() + ": " + why.detail()),
                    logTail(PlatformService.SM_SR));
        }
        out.println(
                Report.line(step, "EID " + card.eid() + ", registered at " + card.smsrId() + " (ES1)", since(start)));
        out.flush();

        step = "demo profile";
        start = Instant.now();
        // With --keep-running, spare profiles for ./rsp provision --profile-type demo.
        int count = keepRunning ? 1 + SPARE_PROFILES : 1;
        List<String> iccids;
        try {
            iccids = new InventoryClient(admin, layout.ports().url(PlatformService.SM_DP))
                    .generateDemo(PROFILE_TYPE, count);
        } catch (ClientException e) {
            throw failure(step, e);
        }
        out.println(Report.line(
                step,
                count == 1
                        ? "ICCID " + iccids.getFirst() + " in the SM-DP inventory"
                        : count + " profiles of type demo in the SM-DP inventory (" + SPARE_PROFILES
                                + " spare for ./rsp provision)",
                since(start)));
        out.flush();

        step = "ES2 DownloadProfile";
        start = Instant.now();
        Order order;
        try {
            var operatorIdentity = HttpsClients.Identity.inPki(layout.pki(), "operator-1");
            var es2 = new Es2Client(
                    HttpsClients.client(operatorIdentity),
                    layout.ports().url(PlatformService.SM_DP),
                    HttpsClients.commonName(operatorIdentity.certificate()),
                    Clock.systemUTC());
            var accepted = es2.downloadProfile(new Es2Client.Download(card.eid(), null, PROFILE_TYPE, true));
            out.println(Report.line(step, "order " + accepted.orderId() + " accepted (enable)", since(start)));
            out.flush();
            order = es2.awaitOrder(accepted.orderId(), Duration.ofSeconds(orderTimeoutSeconds), new OrderProgress(out));
        } catch (ClientException e) {
            throw failure(step, e);
        }
        if (!order.isCompleted()) {
            PlatformService at =
                    serviceFor(order.failure() == null ? null : order.failure().reason());
            throw new StepFailure(step, at, Report.failure(order), logTail(at));
        }
        out.println(Report.line("order " + order.state(), "profile installed and enabled", since(start)));
        out.flush();

        step = "card state";
        start = Instant.now();
        SimulatorClient.Card state;
        try {
            state = simulator.card(card.eid());
        } catch (ClientException e) {
            throw failure(step, e);
        }
        boolean enabled = state.isdps().stream()
                .anyMatch(isdp -> order.iccid().equals(isdp.iccid()) && "Enabled".equals(isdp.lifeCycle()));
        out.println(Report.line(step, "GET /cards/" + card.eid(), since(start)));
        Report.card(state).forEach(out::println);
        out.flush();
        if (!enabled) {
            throw new StepFailure(
                    step,
                    PlatformService.EUICC_SIMULATOR,
                    List.of("the order COMPLETED but the card does not show profile " + order.iccid() + " Enabled"),
                    logTail(PlatformService.EUICC_SIMULATOR));
        }
        return card.eid();
    }

    /**
     * The service whose log explains an order's failure reason: the SM-SR for ES3 and transport faults, the card
     * for its refusals, the SM-DP for the rest.
     */
    static PlatformService serviceFor(String reason) {
        if (reason == null) {
            return PlatformService.SM_DP;
        }
        if (reason.startsWith("ES3_") || reason.equals("TRANSPORT")) {
            return PlatformService.SM_SR;
        }
        if (reason.startsWith("CARD_") || reason.equals("PROFILE_REJECTED")) {
            return PlatformService.EUICC_SIMULATOR;
        }
        return PlatformService.SM_DP;
    }

    private StepFailure failure(String step, ClientException e) {
        PlatformService service = PlatformService.named(e.service()).orElse(null);
        return new StepFailure(step, service, List.of(e.getMessage()), service == null ? null : logTail(service));
    }

    private String logTail(PlatformService service) {
        return PlatformProcesses.logTail(layout.log(service), PlatformProcesses.DIAGNOSIS_LINES);
    }

    private void diagnose(PrintWriter err, StepFailure failure) {
        err.println();
        err.println("rsp demo: FAILED at step \"" + failure.step + "\""
                + (failure.service == null ? "" : " (" + failure.service + ")"));
        failure.details.forEach(line -> err.println("  " + line));
        if (failure.service != null && failure.logTail != null) {
            err.println("----- last " + PlatformProcesses.DIAGNOSIS_LINES + " lines of "
                    + layout.shown(layout.log(failure.service)) + " -----");
            err.println(failure.logTail);
            err.println("-----");
        }
        err.println("All logs: " + layout.shown(layout.data().resolve("logs")));
        err.flush();
    }

    private void reportExit(PlatformProcesses.Started service) {
        out.println(service.service() + " (pid " + service.pid() + ") exited with status "
                + service.process().exitValue() + "; restart it with ./rsp restart " + service.service());
        out.flush();
    }

    private void printUrls() {
        out.println();
        out.println("The platform is running (--keep-running):");
        for (PlatformService service : PlatformService.values()) {
            out.println("  " + String.format("%-16s", service.moduleName()) + " "
                    + layout.ports().url(service)
                    + (service == PlatformService.SM_SR
                            ? " (ES5 PSK-TLS on port " + layout.ports().es5() + ")"
                            : "")
                    + "  log " + layout.shown(layout.log(service)));
        }
        out.println("Clients authenticate with ./pki/<name>.crt and .key (admin, operator-1), trusting ./pki/ci.crt;"
                + " e.g. ./rsp provision --eid <EID> --profile-type demo --enable"
                + (layout.ports().base() == PlatformPorts.DEFAULT_BASE
                        ? ""
                        : " --smdp " + layout.ports().url(PlatformService.SM_DP)));
        out.println("Ctrl-C stops the platform.");
        out.flush();
    }

    /** Ports and databases, for {@code rsp restart}. */
    private void record() throws PlatformException {
        try {
            layout.ports().record(layout.portsFile());
            layout.database().record(layout.databaseFile());
        } catch (IOException e) {
            throw new PlatformException(
                    PlatformException.Reason.IO_FAILED,
                    null,
                    "cannot write " + layout.shown(layout.data().resolve("run")),
                    null,
                    e);
        }
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}

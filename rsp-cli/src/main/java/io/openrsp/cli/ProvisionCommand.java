package io.openrsp.cli;

import io.openrsp.cli.client.ClientException;
import io.openrsp.cli.client.Es2Client;
import io.openrsp.cli.client.HttpsClients;
import io.openrsp.cli.client.Order;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rsp provision}: the operator's client of GSMA SGP.02 v4.2 §5.3.2 ES2.DownloadProfile ({@link Es2Client}),
 * with the operator's certificate over TLS 1.3, trusting the CI of the trust bundle only; no option turns
 * verification off, and the SM-DP URL must be {@code https}. Follows the order the SM-DP creates and prints each step
 * as it ends, then the result.
 *
 * <p>Exit codes: 0 the profile is installed (and enabled, if asked); 1 the SM-DP refused, the order failed or did not
 * end in time, or the SM-DP could not be reached; 2 a usage error.
 */
@Command(
        name = "provision",
        mixinStandardHelpOptions = true,
        description = {
            "Download a profile to an eUICC through the SM-DP (ES2 DownloadProfile) as the operator, and follow "
                    + "the order until it ends.",
            "TLS 1.3 with the operator's client certificate; the SM-DP's certificate must chain to the trust bundle."
        })
final class ProvisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--eid", required = true, paramLabel = "EID", description = "The target eUICC (32 digits).")
    String eid;

    /** Exactly one of the two. */
    static final class Profile {
        @Option(names = "--iccid", paramLabel = "ICCID", description = "This profile of the inventory.")
        String iccid;

        @Option(
                names = "--profile-type",
                paramLabel = "TYPE",
                description = "Any available profile of this type (e.g. demo).")
        String profileType;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Profile profile;

    @Option(names = "--enable", description = "Enable the profile once installed.")
    boolean enable;

    @Option(
            names = "--smdp",
            paramLabel = "URL",
            defaultValue = "https://127.0.0.1:8441",
            description = "The SM-DP (default: ${DEFAULT-VALUE}).")
    URI smdp;

    @Option(
            names = "--pki",
            paramLabel = "DIR",
            defaultValue = "pki",
            description = "Directory with operator-1.crt, operator-1.key and trust-bundle.pem (default: ./pki).")
    Path pki;

    @Option(
            names = "--cert",
            paramLabel = "FILE",
            description = "Operator certificate (default: <pki>/operator-1.crt).")
    Path certificate;

    @Option(names = "--key", paramLabel = "FILE", description = "Its PKCS#8 key (default: <pki>/operator-1.key).")
    Path key;

    @Option(
            names = "--trust",
            paramLabel = "FILE",
            description = "CI certificate(s) to trust (default: <pki>/trust-bundle.pem).")
    Path trust;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "How long to follow the order (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Es2Client.Download download = validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var defaults = HttpsClients.Identity.inPki(pki, "operator-1");
        var identity = new HttpsClients.Identity(
                certificate != null ? certificate : defaults.certificate(),
                key != null ? key : defaults.privateKey(),
                trust != null ? trust : defaults.trustBundle());
        Instant begin = Instant.now();
        try {
            String operator = HttpsClients.commonName(identity.certificate());
            var es2 = new Es2Client(HttpsClients.client(identity), smdp, operator, Clock.systemUTC());
            out.println(describe(download, smdp, operator));
            out.flush();
            var accepted = es2.downloadProfile(download);
            out.println(Report.line(
                    "order accepted",
                    accepted.orderId() + " (ICCID " + accepted.iccid() + ")",
                    Duration.between(begin, Instant.now())));
            out.flush();
            Order order =
                    es2.awaitOrder(accepted.orderId(), Duration.ofSeconds(timeoutSeconds), new OrderProgress(out));
            Duration total = Duration.between(begin, Instant.now());
            if (order.isCompleted()) {
                out.println(Report.line("order COMPLETED", result(order), total));
                out.flush();
                return 0;
            }
            Report.failure(order).forEach(err::println);
            err.flush();
            return 1;
        } catch (ClientException e) {
            err.println("rsp provision: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Checks the options beyond what picocli checks; usage errors exit 2. */
    Es2Client.Download validate() {
        try {
            Eid.of(eid);
        } catch (IllegalArgumentException e) {
            throw usage("--eid: " + e.getMessage());
        }
        String iccid = null;
        if (profile.iccid != null) {
            try {
                iccid = Iccid.of(profile.iccid).digits();
            } catch (IllegalArgumentException e) {
                throw usage("--iccid: " + e.getMessage());
            }
        }
        if (profile.profileType != null && profile.profileType.isBlank()) {
            throw usage("--profile-type must not be blank");
        }
        if (!"https".equals(smdp.getScheme() == null ? null : smdp.getScheme().toLowerCase(Locale.ROOT))
                || smdp.getHost() == null) {
            throw usage("--smdp must be an https:// URL with a host (ES2 runs over TLS 1.3 only), got " + smdp);
        }
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second");
        }
        return new Es2Client.Download(eid, iccid, profile.profileType, enable);
    }

    static String describe(Es2Client.Download download, URI smdp, String operator) {
        return "ES2 DownloadProfile to " + smdp + " as " + operator + ": EID " + download.eid() + ", "
                + (download.iccid() != null ? "ICCID " + download.iccid() : "profile type " + download.profileType())
                + (download.enable() ? ", enable" : "");
    }

    static String result(Order order) {
        List<String> parts = new ArrayList<>();
        parts.add("ICCID " + order.iccid() + " installed");
        if (order.isdpAid() != null) {
            parts.add("in ISD-P " + order.isdpAid());
        }
        if (order.enable()) {
            parts.add("and enabled");
        }
        return String.join(" ", parts);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

package io.openrsp.cli;

import io.openrsp.cli.platform.PlatformLayout;
import io.openrsp.cli.platform.PlatformService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The diagnosis of a bench's failed orders: one line per kind of failure (step and reason), the most frequent first,
 * saying how many orders it hit, what the reason means, and which service's log tells more.
 */
final class FailureDiagnosis {

    /** Kinds of failure named; the rest are summed in one line. */
    static final int MAX_KINDS = 5;

    /** Steps the bench itself names: the card could not be made, or the SM-DP could not be asked or followed. */
    static final String CARD_REGISTRATION = "CARD_REGISTRATION";

    static final String DOWNLOAD_PROFILE = "DOWNLOAD_PROFILE";
    static final String AWAIT_ORDER = "AWAIT_ORDER";

    /** What each reason means: the SM-DP's order failure reasons, then the command line's client reasons. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("ES3_FAILED", "the SM-SR answered the ES3 function Failed (its status code is in the message)"),
            Map.entry("ES3_EXPIRED", "the SM-SR answered Expired: the card did not answer within the validity period"),
            Map.entry("TRANSPORT", "no usable answer from the peer (not reached, no answer in time, or unreadable)"),
            Map.entry("ECASD_CERTIFICATE_INVALID", "the ECASD certificate in the EIS does not validate"),
            Map.entry("UNKNOWN_EUM", "the EIS names an EUM whose certificate the SM-DP does not hold"),
            Map.entry("CARD_REFUSED", "the card refused an ES8 command (its status word is in the message)"),
            Map.entry("RECEIPT_INVALID", "the card's key establishment receipt does not verify"),
            Map.entry("RESPONSE_INVALID", "a card response is malformed or its R-MAC does not verify"),
            Map.entry("PROFILE_REJECTED", "the card rejected the profile package"),
            Map.entry("CONFIGURATION", "the SM-DP could not run the step as configured"),
            Map.entry("INTERNAL_ERROR", "an unexpected error in the SM-DP"),
            Map.entry("INTERRUPTED", "the order could not be resumed after a restart"),
            Map.entry("TIMEOUT", "no answer, or the order did not end, in the time allowed (--order-timeout)"),
            Map.entry("HTTP_STATUS", "the SM-DP answered an HTTP error"),
            Map.entry("REFUSED", "the SM-DP refused the order in-band (e.g. no profile of the type left)"),
            Map.entry("MALFORMED_RESPONSE", "the SM-DP answered what is not the expected JSON"),
            Map.entry("NOT_REGISTERED", "the simulator made the card but could not register it at the SM-SR (ES1)"));

    private FailureDiagnosis() {}

    /**
     * The diagnosis lines of {@code failures} (all of them, not only those the report lists); none when there are
     * none.
     *
     * @param orders the orders of the bench, for "n of N"
     * @param layout where the services' logs are
     */
    static List<String> of(List<BenchReport.Failure> failures, int orders, PlatformLayout layout) {
        Map<String, List<BenchReport.Failure>> kinds = new LinkedHashMap<>();
        for (BenchReport.Failure failure : failures) {
            kinds.computeIfAbsent(failure.step() + " " + failure.reason(), kind -> new ArrayList<>())
                    .add(failure);
        }
        List<List<BenchReport.Failure>> byCount = new ArrayList<>(kinds.values());
        byCount.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<String> lines = new ArrayList<>();
        int named = 0;
        for (List<BenchReport.Failure> kind : byCount.subList(0, Math.min(byCount.size(), MAX_KINDS))) {
            lines.add(line(kind.getFirst(), kind.size(), orders, layout));
            named += kind.size();
        }
        if (named < failures.size()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%d more failed orders of %d other kinds (see bench.json)",
                    failures.size() - named,
                    byCount.size() - MAX_KINDS));
        }
        return List.copyOf(lines);
    }

    private static String line(BenchReport.Failure failure, int count, int orders, PlatformLayout layout) {
        String meaning = MEANINGS.get(Objects.requireNonNullElse(failure.reason(), ""));
        PlatformService service = serviceFor(failure);
        return String.format(
                Locale.ROOT,
                "%d of %d orders failed at %s with %s%s; see %s",
                count,
                orders,
                failure.step() == null ? "an unknown step" : failure.step(),
                failure.reason() == null ? "no reason given" : failure.reason(),
                meaning == null ? "" : ": " + meaning,
                layout.shown(layout.log(service)));
    }

    /** The service whose log explains the failure. */
    static PlatformService serviceFor(BenchReport.Failure failure) {
        if (CARD_REGISTRATION.equals(failure.step())) {
            return PlatformService.EUICC_SIMULATOR;
        }
        if (DOWNLOAD_PROFILE.equals(failure.step()) || AWAIT_ORDER.equals(failure.step())) {
            return PlatformService.SM_DP;
        }
        return DemoCommand.serviceFor(failure.reason());
    }
}

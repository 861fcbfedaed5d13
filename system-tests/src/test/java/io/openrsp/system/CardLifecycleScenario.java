package io.openrsp.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.ResponseHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Issue 4's end-to-end checks on real sockets (DESIGN.md §4 steps 1, 2 and the ISD-P life cycle): cards made and
 * registered over ES1 by the simulator's factory, ES3 calls to the SM-SR, which reaches each card by SCP80 push SMS
 * through the simulator's SMS-C and a PSK-TLS admin session; after every step the EIS (ES3 GetEIS) and the card
 * (the simulator's management API) must agree. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CardLifecycleScenario {

    private static final AtomicLong ICCIDS = new AtomicLong(1);

    private Platform platform;
    private Es3Caller es3;
    private SimulatorAdmin simulator;

    /** Prints the services' logs when a test fails, so the failure says what the services saw. */
    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (platform != null) {
                System.err.println(platform.logs());
            }
        }
    };

    private Database database;

    abstract Database database();

    @BeforeAll
    void startPlatform() throws Exception {
        database = database();
        platform = Platform.start(database);
        es3 = new Es3Caller(platform.client("sm-dp"), platform.smsr());
        simulator = new SimulatorAdmin(platform.client("admin"), platform.simulator());
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void createIsdpWhenFiftyCardsThenEisAndCardAgreeAfterCreateAuditAndDelete() throws Exception {
        List<String> eids = simulator.createRegisteredCards(50);

        List<Callable<Void>> lifecycles = new ArrayList<>();
        for (String eid : eids) {
            lifecycles.add(() -> {
                assertAgree(eid);
                String aid = createIsdp(eid);
                assertThat(simulator.isdps(eid)).containsEntry(aid, "Created");
                assertAgree(eid);

                Es3.AuditEis.Response audit = es3.call(
                        Es3.AuditEis.PATH,
                        new Es3.AuditEis.Request(Es3Caller.header(), 60, eid, null),
                        Es3.AuditEis.Response.class);
                assertSuccess(audit.header());
                assertThat(audit.eis().profiles())
                        .extracting(ProfileInfo::isdpAid)
                        .contains(aid);
                assertAgree(eid);

                Es3.DeleteIsdp.Response deleted = es3.call(
                        Es3.DeleteIsdp.PATH,
                        new Es3.DeleteIsdp.Request(Es3Caller.header(), 60, eid, iccidOf(eid, aid)),
                        Es3.DeleteIsdp.Response.class);
                assertSuccess(deleted.header());
                assertThat(simulator.isdps(eid)).doesNotContainKey(aid);
                assertAgree(eid);
                return null;
            });
        }
        runAll(lifecycles, 10);
    }

    @Test
    void createIsdpWhenCardUnreachableThenExpiredWithinValidityPeriod() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        simulator.setReachable(eid, false);
        Instant start = Instant.now();
        Es3.CreateIsdp.Response response = es3.call(
                Es3.CreateIsdp.PATH,
                new Es3.CreateIsdp.Request(Es3Caller.header(), 3, eid, nextIccid(), "MNO-1", 32_768L, null),
                Es3.CreateIsdp.Response.class);
        Duration took = Duration.between(start, Instant.now());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(took).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
        assertThat(eisProfiles(eid)).isEmpty();

        simulator.setReachable(eid, true);
        createIsdp(eid);
        assertAgree(eid);
    }

    @Test
    void enableProfileWhenIsdpHoldsNoProfileThenCardRefusalReportedInBand() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        String aid = createIsdp(eid);

        Es3.EnableProfile.Response response = es3.call(
                Es3.EnableProfile.PATH,
                new Es3.EnableProfile.Request(Es3Caller.header(), 60, eid, iccidOf(eid, aid)),
                Es3.EnableProfile.Response.class);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(response.header().functionExecutionStatus().statusCodeData().message())
                .contains("6985");
        assertThat(simulator.isdps(eid)).containsEntry(aid, "Created");
        assertAgree(eid);
    }

    @Test
    void es3WhenManyConcurrentCallsForOneCardThenAtMostOneEnabledAndEisMatchesCard() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> {
                String aid = createIsdp(eid);
                es3.call(
                        Es3.EnableProfile.PATH,
                        new Es3.EnableProfile.Request(Es3Caller.header(), 60, eid, iccidOf(eid, aid)),
                        Es3.EnableProfile.Response.class);
                return null;
            });
        }
        runAll(calls, 6);

        Map<String, String> card = simulator.isdps(eid);
        assertThat(card).hasSize(6);
        assertThat(card.values().stream().filter("Enabled"::equals)).hasSizeLessThanOrEqualTo(1);
        assertAgree(eid);
    }

    @Test
    void enableProfileWhenConcurrentCallsForTwoInstalledProfilesThenOneEnabledAndEisMatchesCard() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        List<String> aids = List.of(createIsdp(eid), createIsdp(eid));
        for (String aid : aids) {
            // Stands in for the SCP03t download of issue 5: the card holds a disabled profile in the ISD-P, then the
            // SM-DP reports the download over ES3 as it will after a real one.
            assumeTrue(
                    database.updateServiceDatabase(
                            "euicc-simulator",
                            "UPDATE isdp SET life_cycle = 'DISABLED' WHERE eid = ? AND aid = ?",
                            eid,
                            aid),
                    "the card's database is not reachable from the test (embedded H2)");
            Es3.ProfileDownloadCompleted.Response completed = es3.call(
                    Es3.ProfileDownloadCompleted.PATH,
                    new Es3.ProfileDownloadCompleted.Request(
                            Es3Caller.header(), 60, eid, iccidOf(eid, aid), "demo", null, null),
                    Es3.ProfileDownloadCompleted.Response.class);
            assertSuccess(completed.header());
        }
        assertAgree(eid);

        List<Callable<Void>> enables = new ArrayList<>();
        List<ExecutionStatus> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 12; i++) {
            String aid = aids.get(i % 2);
            enables.add(() -> {
                outcomes.add(es3.call(
                                Es3.EnableProfile.PATH,
                                new Es3.EnableProfile.Request(Es3Caller.header(), 60, eid, iccidOf(eid, aid)),
                                Es3.EnableProfile.Response.class)
                        .header()
                        .functionExecutionStatus()
                        .status());
                return null;
            });
        }
        runAll(enables, 12);

        assertThat(outcomes).contains(ExecutionStatus.EXECUTED_SUCCESS).doesNotContain(ExecutionStatus.EXPIRED);
        assertThat(simulator.isdps(eid).values()).containsOnlyOnce("Enabled").contains("Disabled");
        // The card reports each switch by notification in a session of its own; the EIS follows them.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertAgree(eid));
    }

    @Test
    void opensslWhenRegisteredCardPskThenAdminSessionAnsweredAndWrongKeysRefused() throws Exception {
        assumeTrue(Openssl.available(), "no openssl on the PATH");
        String eid = simulator.createRegisteredCards(1).getFirst();
        String[] psk = simulator.psk(eid);
        String firstPost = "POST /gsma/adminagent HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Admin-Protocol: globalplatform-remote-admin/1.0\r\n"
                + "X-Admin-From: //se-id/eid/" + eid + ";//aa-id/aid/A0000005591010FFFFFFFF8900000100\r\n"
                + "Content-Length: 0\r\n\r\n";

        assertThat(Openssl.sClient(platform.es5Port, psk[0], psk[1], "PSK-AES128-GCM-SHA256", firstPost))
                .contains("Cipher is PSK-AES128-GCM-SHA256")
                .contains("HTTP/1.1 204 No Content")
                .contains("X-Admin-Protocol: globalplatform-remote-admin/1.0");
        assertThat(Openssl.sClient(platform.es5Port, psk[0], psk[1], "PSK-AES128-CBC-SHA256", firstPost))
                .contains("HTTP/1.1 204 No Content");

        String wrongKey = psk[1].substring(0, psk[1].length() - 2) + (psk[1].endsWith("00") ? "01" : "00");
        assertThat(Openssl.sClient(platform.es5Port, psk[0], wrongKey, "PSK-AES128-GCM-SHA256", firstPost))
                .contains("alert bad record mac")
                .doesNotContain("HTTP/1.1");
        // 80 01 02 | 81 10 <EID> | ...: the same identity naming an EID the SM-SR never registered.
        String unknownIdentity = psk[0].substring(0, 10) + "8".repeat(32) + psk[0].substring(42);
        assertThat(Openssl.sClient(platform.es5Port, unknownIdentity, psk[1], "PSK-AES128-GCM-SHA256", firstPost))
                .contains("alert unknown psk identity")
                .doesNotContain("HTTP/1.1");
    }

    private String createIsdp(String eid) throws Exception {
        String iccid = nextIccid();
        Es3.CreateIsdp.Response created = es3.call(
                Es3.CreateIsdp.PATH,
                new Es3.CreateIsdp.Request(Es3Caller.header(), 60, eid, iccid, "MNO-1", 32_768L, null),
                Es3.CreateIsdp.Response.class);
        assertSuccess(created.header());
        assertThat(created.isdpAid()).isNotBlank();
        return created.isdpAid();
    }

    /** The EIS's ISD-Ps (AID to state) equal the card's. */
    private void assertAgree(String eid) throws Exception {
        Map<String, String> eis = new HashMap<>();
        for (ProfileInfo profile : eisProfiles(eid)) {
            eis.put(profile.isdpAid(), profile.state().wireValue());
        }
        assertThat(eis).as("EIS of %s against the card", eid).isEqualTo(simulator.isdps(eid));
    }

    private List<ProfileInfo> eisProfiles(String eid) throws Exception {
        Es3.GetEis.Response response =
                es3.call(Es3.GetEis.PATH, new Es3.GetEis.Request(Es3Caller.header(), eid), Es3.GetEis.Response.class);
        assertSuccess(response.header());
        return response.eis().profiles();
    }

    private String iccidOf(String eid, String aid) throws Exception {
        return eisProfiles(eid).stream()
                .filter(profile -> profile.isdpAid().equals(aid))
                .findFirst()
                .map(ProfileInfo::iccid)
                .orElseThrow(() -> new AssertionError("ISD-P " + aid + " not in the EIS of " + eid));
    }

    /** A valid ICCID (19 digits with the Luhn check digit) not used before in this run. */
    private static String nextIccid() {
        String body = "898820" + String.format("%012d", ICCIDS.getAndIncrement());
        return body + luhn(body);
    }

    private static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static void assertSuccess(ResponseHeader header) {
        assertThat(header.functionExecutionStatus().status())
                .as("%s", header.functionExecutionStatus())
                .isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
    }

    private static void runAll(List<Callable<Void>> tasks, int concurrency) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<Void>> results = pool.invokeAll(tasks);
            for (Future<Void> result : results) {
                result.get();
            }
        }
    }
}

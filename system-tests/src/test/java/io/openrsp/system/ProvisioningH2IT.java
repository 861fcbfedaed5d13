package io.openrsp.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateIssuer;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.IssuanceRequest;
import io.openrsp.crypto.pki.KeyPairSigner;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.SerialNumbers;
import io.openrsp.crypto.pki.SubjectAltNames;
import io.openrsp.crypto.pki.Validity;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es8.Es8Tags;
import io.openrsp.rsp.script.ResponseScript;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link ProvisioningScenario} on the embedded default (each service's H2 file database), with the SM-DP calling the
 * SM-SR through a {@link TamperingEs3Proxy}, and the negative cases that need it: a man in the middle on ES3 rewrites
 * the ES8 traffic or the EIS of one card, and the order must fail at the right step with a reason that names the
 * fault, while the card keeps no partial profile and the EIS and the card agree. Also the platform's metrics as
 * Prometheus scrapes them after a provisioning.
 *
 * <p>This platform's SM-DP gives its ES3 calls a short validity period and the SM-SR does not keep an admin session
 * open for more commands ({@code linger 0}), so the card that goes silent mid-download fails its order in seconds.
 */
class ProvisioningH2IT extends ProvisioningScenario {

    /** The SM-DP's ES3 validity period here: long enough for a download, short for the silent card. */
    static final Duration VALIDITY = Duration.ofSeconds(8);

    /** The Prometheus text exposition format {@link PrometheusText} reads. */
    static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4";

    private final SecureRandom random = new SecureRandom();

    @Override
    Database database() {
        return Database.h2();
    }

    @Override
    Platform.Options options() {
        return Platform.Options.provisioningThroughProxy()
                .with("sm-dp-service", "--openrsp.smdp.order.validity-period=" + VALIDITY.toSeconds() + "s")
                .with("sm-sr-service", "--openrsp.es5.linger=0ms");
    }

    @AfterEach
    void proxyRaisedNoError() {
        assertThat(platform.proxy().errors()).as("tampering errors").isEmpty();
    }

    /**
     * DESIGN.md §8: after one provisioning, {@code /actuator/prometheus} of every service, read over TLS 1.3 with the
     * admin certificate, shows that service's metrics with its {@code application} tag; an operator gets 403. Some
     * series are recorded after the order is visible as COMPLETED (the order-ended counter, the card's session timer,
     * the SM-SR's notification to the SM-DP), so the scrape is repeated until they are there.
     */
    @Test
    void prometheusWhenProvisioningCompletedThenEveryServiceShowsItsMetricsToAdminOnly() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        TestProfile profile = TestProfile.random("st-metrics");
        smdp.importPackage(profile.encoded());
        smdp.awaitCompleted(smdp.downloadProfile(eid, profile.iccid(), null, true), ORDER_TIMEOUT);

        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertSmdpMetrics(scrape(platform.smdp(), "sm-dp-service"));
                    assertSmsrMetrics(scrape(platform.smsr(), "sm-sr-service"));
                    assertSimulatorMetrics(scrape(platform.simulator(), "euicc-simulator"));
                });
        PrometheusText rootCa = scrape(platform.rootCa(), "root-ca-service");
        assertThat(rootCa.samples("jvm_memory_used_bytes"))
                .as("root CA JVM memory")
                .isNotEmpty();
        assertThat(rootCa.samples("process_uptime_seconds"))
                .as("root CA uptime")
                .isNotEmpty();

        for (URI service : List.of(platform.rootCa(), platform.smdp(), platform.smsr(), platform.simulator())) {
            assertThat(get("operator-1", service, "/actuator/prometheus", PROMETHEUS_TEXT)
                            .statusCode())
                    .as("operator certificate on %s/actuator/prometheus", service)
                    .isEqualTo(403);
        }
        assertThat(get("operator-1", platform.smdp(), "/actuator/health", "application/json")
                        .statusCode())
                .as("operator certificate on the SM-DP's health")
                .isEqualTo(200);
    }

    /** At least one {@code function} call on {@code es}, as {@code role}, answered Executed-Success. */
    private static void assertEsCallSucceeded(PrometheusText metrics, String es, String function, String role) {
        assertAtLeastOne(
                metrics,
                "openrsp_es_calls_seconds_count",
                "interface",
                es,
                "function",
                function,
                "role",
                role,
                "outcome",
                "executed-success");
    }

    private static void assertSmdpMetrics(PrometheusText metrics) {
        assertEsCallSucceeded(metrics, "ES2", "DownloadProfile", "server");
        for (String function :
                List.of("GetEIS", "CreateISDP", "SendData", "ProfileDownloadCompleted", "EnableProfile")) {
            assertEsCallSucceeded(metrics, "ES3", function, "client");
        }
        assertEsCallSucceeded(metrics, "ES3", "HandleProfileEnabledNotification", "server");
        for (String step : STEPS) {
            assertAtLeastOne(metrics, "openrsp_smdp_order_step_seconds_count", "step", step, "outcome", "success");
        }
        // the histogram Grafana's histogram_quantile reads: buckets up to +Inf, which holds every recorded step
        double downloads =
                metrics.sum("openrsp_smdp_order_step_seconds_count", "step", "PROFILE_DOWNLOAD", "outcome", "success");
        assertThat(metrics.sum(
                        "openrsp_smdp_order_step_seconds_bucket",
                        "step",
                        "PROFILE_DOWNLOAD",
                        "outcome",
                        "success",
                        "le",
                        "+Inf"))
                .isEqualTo(downloads);
        assertThat(metrics.samples(
                        "openrsp_smdp_order_step_seconds_bucket", "step", "PROFILE_DOWNLOAD", "outcome", "success"))
                .as("PROFILE_DOWNLOAD buckets")
                .hasSizeGreaterThan(2);
        assertAtLeastOne(metrics, "openrsp_smdp_orders_ended_total", "outcome", "completed");
        assertThat(metrics.samples("openrsp_smdp_orders_running"))
                .as("orders running gauge")
                .hasSize(1);
        assertAtLeastOne(metrics, "openrsp_smdp_scp03t_bytes_count");
        assertThat(metrics.sum("openrsp_smdp_scp03t_bytes_sum"))
                .as("SCP03t bytes sent")
                .isGreaterThan(0);
    }

    private static void assertSmsrMetrics(PrometheusText metrics) {
        assertEsCallSucceeded(metrics, "ES1", "RegisterEIS", "server");
        for (String function :
                List.of("GetEIS", "CreateISDP", "SendData", "ProfileDownloadCompleted", "EnableProfile")) {
            assertEsCallSucceeded(metrics, "ES3", function, "server");
        }
        assertEsCallSucceeded(metrics, "ES3", "HandleProfileEnabledNotification", "client");
        assertThat(metrics.samples("openrsp_es_calls_seconds_bucket", "function", "SendData", "role", "server"))
                .as("ES3 SendData buckets")
                .isNotEmpty();
        assertAtLeastOne(metrics, "openrsp_es5_handshakes_total", "outcome", "success", "alert", "none");
        assertThat(metrics.samples("openrsp_es5_queue_depth"))
                .as("queue depth gauge")
                .hasSize(1);
        assertThat(metrics.samples("openrsp_es5_connections_open"))
                .as("open connections gauge")
                .hasSize(1);
    }

    private static void assertSimulatorMetrics(PrometheusText metrics) {
        assertAtLeastOne(metrics, "openrsp_euicc_es5_session_seconds_count", "outcome", "completed");
        assertAtLeastOne(metrics, "openrsp_euicc_push_total", "outcome", "accepted");
        assertAtLeastOne(metrics, "openrsp_smsc_messages_total", "outcome", "delivered");
        assertAtLeastOne(metrics, "openrsp_factory_registration_seconds_count", "outcome", "registered");
    }

    private static void assertAtLeastOne(PrometheusText metrics, String name, String... labels) {
        assertThat(metrics.sum(name, labels))
                .as("%s%s in %s", name, List.of(labels), metrics.samples(name))
                .isGreaterThanOrEqualTo(1);
    }

    /**
     * {@code service}'s {@code /actuator/prometheus} as the admin sees it: 200 over TLS 1.3, the text format, and
     * every sample tagged {@code application=<name>}.
     */
    private PrometheusText scrape(URI service, String name) throws Exception {
        HttpResponse<String> response = get("admin", service, "/actuator/prometheus", PROMETHEUS_TEXT);
        assertThat(response.statusCode())
                .as("%s/actuator/prometheus: %s", service, response.body())
                .isEqualTo(200);
        assertThat(response.sslSession())
                .hasValueSatisfying(session -> assertThat(session.getProtocol()).isEqualTo("TLSv1.3"));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        PrometheusText metrics = PrometheusText.parse(response.body());
        assertThat(metrics.all()).as("samples of %s", name).isNotEmpty();
        assertThat(metrics.all())
                .as("application tag of every sample of %s", name)
                .allSatisfy(sample -> assertThat(sample.labels()).containsEntry("application", name));
        return metrics;
    }

    private HttpResponse<String> get(String entity, URI service, String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", accept)
                .GET()
                .build();
        return platform.client(entity).send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void downloadProfileWhenSmdpCertificateFromForeignCiThenCardRefusesAtKeyEstablishment() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        byte[] foreignCertificate =
                certificate(Files.readString(platform.foreignFile("sm-dp.crt"))).getEncoded();
        platform.proxy().tamper(eid, rewriteSendData(tlvs -> replace(tlvs, Es8Tags.CERTIFICATE, foreignCertificate)));

        Failed failed = orderFailing(eid, TestProfile.random("st-tamper"));

        failed.assertFailure("KEY_ESTABLISHMENT", "CARD_REFUSED", "6982");
        assertNoPartialProfile(eid, failed);
    }

    @Test
    void downloadProfileWhenEcasdCertificateFromForeignEumThenFailsAtKeyEstablishment() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        platform.proxy().tamper(eid, new TamperingEs3Proxy.Tamper() {
            @Override
            public byte[] response(String path, byte[] request, byte[] body) throws Exception {
                if (!path.equals(Es3.GetEis.PATH)) {
                    return body;
                }
                Es3.GetEis.Response response = EsJson.readResponse(body, Es3.GetEis.Response.class);
                return EsJson.toJsonBytes(new Es3.GetEis.Response(response.header(), withForeignEcasd(response.eis())));
            }
        });

        Failed failed = orderFailing(eid, TestProfile.random("st-tamper"));

        failed.assertFailure("KEY_ESTABLISHMENT", "ECASD_CERTIFICATE_INVALID", "ECASD");
        assertNoPartialProfile(eid, failed);
    }

    @Test
    void downloadProfileWhenReceiptFlippedThenFailsAtKeyEstablishmentWithReceiptInvalid() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        platform.proxy().tamper(eid, new TamperingEs3Proxy.Tamper() {
            @Override
            public byte[] response(String path, byte[] request, byte[] body) throws Exception {
                if (!path.equals(Es3.SendData.PATH)) {
                    return body;
                }
                Es3.SendData.Request sent = EsJson.readRequest(request, Es3.SendData.Request.class);
                if (!Es8Scripts.contains(Es8Scripts.tlvs(sent.data()), Es8Tags.KEY_AGREEMENT)) {
                    return body;
                }
                Es3.SendData.Response response = EsJson.readResponse(body, Es3.SendData.Response.class);
                List<ResponseApdu> answers = new ArrayList<>();
                for (ResponseApdu answer :
                        Es8Scripts.responses(response.euiccResponseData()).responses()) {
                    answers.add(
                            isReceiptAnswer(answer.data())
                                    ? ResponseApdu.of(Es8Scripts.flipBit(answer.data(), -1), answer.statusWord())
                                    : answer);
                }
                String tampered = Es8Scripts.encode(new ResponseScript(answers), response.euiccResponseData());
                return EsJson.toJsonBytes(new Es3.SendData.Response(response.header(), tampered));
            }
        });

        Failed failed = orderFailing(eid, TestProfile.random("st-tamper"));

        failed.assertFailure("KEY_ESTABLISHMENT", "RECEIPT_INVALID", "receipt");
        assertNoPartialProfile(eid, failed);
    }

    @Test
    void downloadProfileWhenOneBitOfASegmentFlippedThenCardRefusesTheDownload() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        platform.proxy().tamper(eid, rewriteSendData(tlvs -> {
            List<byte[]> out = new ArrayList<>(tlvs);
            int first = indexOf(out, Es8Tags.SCP03T_SEGMENT);
            if (first >= 0) {
                out.set(first, Es8Scripts.flipBit(out.get(first), out.get(first).length / 2));
            }
            return out;
        }));

        Failed failed = orderFailing(eid, TestProfile.random("st-tamper", 3000));

        failed.assertFailure("PROFILE_DOWNLOAD", "CARD_REFUSED", "6982");
        assertNoPartialProfile(eid, failed);
    }

    @Test
    void downloadProfileWhenASegmentIsReplayedThenCardRefusesTheDownload() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        platform.proxy().tamper(eid, rewriteSendData(tlvs -> {
            List<byte[]> out = new ArrayList<>(tlvs);
            int first = indexOf(out, Es8Tags.SCP03T_SEGMENT);
            if (first >= 0) {
                out.add(first + 1, out.get(first).clone());
            }
            return out;
        }));

        Failed failed = orderFailing(eid, TestProfile.random("st-tamper", 3000));

        failed.assertFailure("PROFILE_DOWNLOAD", "CARD_REFUSED", "6982");
        assertNoPartialProfile(eid, failed);
    }

    @Test
    void downloadProfileWhenLastSegmentDroppedThenDownloadFailsForWantOfTheCardsResponse() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        platform.proxy().tamper(eid, new TamperingEs3Proxy.Tamper() {
            @Override
            public byte[] request(String path, byte[] body) throws Exception {
                if (!path.equals(Es3.SendData.PATH)) {
                    return body;
                }
                Es3.SendData.Request request = EsJson.readRequest(body, Es3.SendData.Request.class);
                List<byte[]> tlvs = new ArrayList<>(Es8Scripts.tlvs(request.data()));
                int last = lastIndexOf(tlvs, Es8Tags.SCP03T_SEGMENT);
                if (last < 0) {
                    return body;
                }
                tlvs.remove(last);
                // As many STORE DATA blocks as the SM-DP sent: every one is answered, none with the final 87.
                String truncated = Es8Scripts.withTlvs(request.data(), tlvs, Es8Scripts.commandCount(request.data()));
                return EsJson.toJsonBytes(new Es3.SendData.Request(
                        request.header(),
                        request.validityPeriod(),
                        request.eid(),
                        request.isdpAid(),
                        truncated,
                        request.moreToDo()));
            }
        });

        Failed failed = orderFailing(eid, TestProfile.random("st-tamper", 3000));

        // The card waits for the length 84 declared; the SM-DP finds no 87 in its answer.
        failed.assertFailure("PROFILE_DOWNLOAD", "RESPONSE_INVALID", "no 87");
        assertNoPartialProfile(eid, failed);
    }

    @Test
    void downloadProfileWhenCardGoesSilentMidDownloadThenFailsWithinValidityAndNoPartialProfile() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        AtomicBoolean cutOff = new AtomicBoolean();
        platform.proxy().tamper(eid, new TamperingEs3Proxy.Tamper() {
            @Override
            public byte[] response(String path, byte[] request, byte[] body) throws Exception {
                if (path.equals(Es3.SendData.PATH)
                        && !cutOff.get()
                        && Es8Scripts.contains(
                                Es8Scripts.tlvs(EsJson.readRequest(request, Es3.SendData.Request.class)
                                        .data()),
                                Es8Tags.SCP03T_INITIALIZE_UPDATE)) {
                    // The first SCP03t part reached the card; the rest of the download will not.
                    simulator.setReachable(eid, false);
                    cutOff.set(true);
                }
                return body;
            }
        });
        // Big enough for two SendData calls (a STORE DATA sequence carries at most 200 x 255 bytes).
        TestProfile profile = TestProfile.random("st-silent", 60_000);

        Instant start = Instant.now();
        Failed failed = orderFailing(eid, profile, false);
        Duration took = Duration.between(start, Instant.now());

        assertThat(cutOff).isTrue();
        assertThat(failed.failure().path("step").asString())
                .as("%s", failed.order())
                .isEqualTo("PROFILE_DOWNLOAD");
        assertThat(failed.failure().path("reason").asString())
                .as("%s", failed.order())
                .isEqualTo("ES3_EXPIRED");
        assertThat(failed.failure().path("message").asString())
                .as("%s", failed.order())
                .contains("SendData expired");
        // SendData expires after one validity period, the clean-up DeleteISDP after another: a time-out, not a hang.
        assertThat(took).isBetween(VALIDITY, VALIDITY.multipliedBy(3).plusSeconds(10));

        // The clean-up could not reach the card either: the SM-DP says so, and keeps the profile allocated since it
        // cannot know what the ISD-P holds.
        assertThat(failed.failure().path("message").asString())
                .as("%s", failed.order())
                .contains("Deleting the ISD-P failed");
        assertInventoryState(profile.iccid(), "ALLOCATED");

        simulator.setReachable(eid, true);
        assertThat(simulator.cardIsdps(eid))
                .noneMatch(isdp -> profile.iccid().equals(isdp.iccid()))
                .allMatch(isdp -> isdp.iccid() == null && isdp.lifeCycle().equals("Created"));
        awaitAgree(eid);
    }

    /** An order that failed, its view and its {@code failure}. */
    record Failed(JsonNode order, JsonNode failure) {

        void assertFailure(String step, String reason, String messagePart) {
            assertThat(failure.path("step").asString()).as("%s", order).isEqualTo(step);
            assertThat(failure.path("reason").asString()).as("%s", order).isEqualTo(reason);
            assertThat(failure.path("message").asString()).as("%s", order).containsIgnoringCase(messagePart);
        }
    }

    private Failed orderFailing(String eid, TestProfile profile) throws Exception {
        return orderFailing(eid, profile, true);
    }

    /** Imports {@code profile}, orders it for {@code eid} and waits for the order to fail, through the tamper. */
    private Failed orderFailing(String eid, TestProfile profile, boolean expectTampered) throws Exception {
        smdp.importPackage(profile.encoded());
        SmDpClient.AcceptedOrder order = smdp.downloadProfile(eid, profile.iccid(), null, true);
        JsonNode view = smdp.awaitEnd(order, ORDER_TIMEOUT);
        assertThat(view.path("state").asString()).as("%s", view).isEqualTo("FAILED");
        if (expectTampered) {
            assertThat(platform.proxy().tamperedExchanges(eid))
                    .as("exchanges the proxy changed")
                    .isPositive();
        }
        return new Failed(view, view.path("failure"));
    }

    /**
     * The card holds nothing of the profile: the order's ISD-P is gone (the SM-DP deleted it) or still CREATED with
     * no profile; the EIS says the same; the profile is back in the inventory.
     */
    private void assertNoPartialProfile(String eid, Failed failed) throws Exception {
        String iccid = failed.order().path("iccid").asString();
        String isdpAid = failed.order().path("isdpAid").asString("");
        for (SimulatorAdmin.CardIsdp isdp : simulator.cardIsdps(eid)) {
            assertThat(isdp.iccid()).as("ISD-P %s of %s", isdp.aid(), eid).isNull();
            if (isdp.aid().equalsIgnoreCase(isdpAid)) {
                assertThat(isdp.lifeCycle()).isEqualTo("Created");
            }
        }
        assertThat(simulator.cardIsdps(eid)).noneMatch(isdp -> iccid.equals(isdp.iccid()));
        assertAgree(eid);
        assertInventoryState(iccid, "AVAILABLE");
    }

    private void assertInventoryState(String iccid, String state) throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                smdp.inventoryProfile(iccid).path("state").asString())
                        .isEqualTo(state));
    }

    /** A functional view of a {@code SendData} request's TLVs, for the rewrites below. */
    interface TlvRewrite {
        List<byte[]> apply(List<byte[]> tlvs) throws Exception;
    }

    /** Rewrites the TLVs of every {@code SendData} request of the card; requests left as they are pass unchanged. */
    private static TamperingEs3Proxy.Tamper rewriteSendData(TlvRewrite rewrite) {
        return new TamperingEs3Proxy.Tamper() {
            @Override
            public byte[] request(String path, byte[] body) throws Exception {
                if (!path.equals(Es3.SendData.PATH)) {
                    return body;
                }
                Es3.SendData.Request request = EsJson.readRequest(body, Es3.SendData.Request.class);
                List<byte[]> tlvs = Es8Scripts.tlvs(request.data());
                List<byte[]> rewritten = rewrite.apply(tlvs);
                if (sameTlvs(tlvs, rewritten)) {
                    return body;
                }
                return EsJson.toJsonBytes(new Es3.SendData.Request(
                        request.header(),
                        request.validityPeriod(),
                        request.eid(),
                        request.isdpAid(),
                        Es8Scripts.withTlvs(request.data(), rewritten),
                        request.moreToDo()));
            }
        };
    }

    private static boolean sameTlvs(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> replace(List<byte[]> tlvs, int tag, byte[] value) throws Exception {
        List<byte[]> out = new ArrayList<>(tlvs.size());
        for (byte[] tlv : tlvs) {
            out.add(Es8Tags.tagOf(tlv) == tag ? Es8Tags.encode(tag, value) : tlv);
        }
        return out;
    }

    private static int indexOf(List<byte[]> tlvs, int tag) throws Exception {
        for (int i = 0; i < tlvs.size(); i++) {
            if (Es8Tags.tagOf(tlvs.get(i)) == tag) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<byte[]> tlvs, int tag) throws Exception {
        for (int i = tlvs.size() - 1; i >= 0; i--) {
            if (Es8Tags.tagOf(tlvs.get(i)) == tag) {
                return i;
            }
        }
        return -1;
    }

    /** The card's answer to {@code 3A02}: {@code 85 10 DR 86 10 receipt} (es8-api: 36 bytes). */
    private static boolean isReceiptAnswer(byte[] data) {
        return data.length == 36
                && (data[0] & 0xFF) == 0x85
                && data[1] == 0x10
                && (data[18] & 0xFF) == 0x86
                && data[19] == 0x10;
    }

    /**
     * {@code eis} with its ECASD certificate replaced by one for the same EID and key, same subject, issued by the
     * foreign PKI's EUM: an EUM of the same name whose chain leads to another CI.
     */
    private Eis withForeignEcasd(Eis eis) throws Exception {
        X509Certificate original = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(
                        Base64.getDecoder().decode(eis.ecasd().certificate())));
        X509Certificate foreignEum = certificate(Files.readString(platform.foreignFile("eum.crt")));
        PrivateKey foreignEumKey =
                Pem.readPrivateKey(Files.readString(platform.foreignFile("eum.key"), StandardCharsets.US_ASCII));
        CertificateIssuer issuer = CertificateIssuer.withoutCrlDistributionPoint(CertificateAuthority.of(
                foreignEum, KeyPairSigner.of(new KeyPair(foreignEum.getPublicKey(), foreignEumKey), random)));
        X509Certificate forged = issuer.issue(new IssuanceRequest(
                original.getPublicKey(),
                original.getSubjectX500Principal(),
                SubjectAltNames.none(),
                CertificateProfile.ECASD,
                Validity.of(Instant.now().truncatedTo(ChronoUnit.SECONDS), Duration.ofDays(30)),
                SerialNumbers.random(random)));
        Ecasd ecasd = new Ecasd(eis.ecasd().aid(), Base64.getEncoder().encodeToString(forged.getEncoded()));
        return new Eis(
                eis.eid(),
                eis.eumId(),
                eis.productionDate(),
                eis.platformType(),
                eis.platformVersion(),
                eis.remainingMemory(),
                eis.availableMemoryForProfiles(),
                eis.lastAuditDate(),
                eis.smsrId(),
                eis.isdRAid(),
                ecasd,
                eis.profiles(),
                eis.eumSignature());
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return Pem.readCertificate(pem);
    }
}

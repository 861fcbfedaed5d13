package io.openrsp.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ResponseHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's end-to-end checks (DESIGN.md §4, all five steps) with the four services as processes on real sockets: an
 * operator orders a profile over ES2, the SM-DP runs the order (ES3 GetEIS, CreateISDP, ES8 key establishment and
 * SCP03t download over SendData, ProfileDownloadCompleted, EnableProfile), the SM-SR drives the simulated card over
 * ES5; afterwards the order, the card (the simulator's management API, K and OPc included) and the EIS (ES3 GetEIS)
 * must tell the same story. Subclasses choose the database and may add cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProvisioningScenario {

    static final Duration ORDER_TIMEOUT = Duration.ofSeconds(90);

    static final List<String> STEPS =
            List.of("EUICC_REGISTRATION", "ISDP_CREATION", "KEY_ESTABLISHMENT", "PROFILE_DOWNLOAD", "PROFILE_ENABLING");

    Platform platform;
    Es3Caller es3;
    SimulatorAdmin simulator;
    SmDpClient smdp;

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

    abstract Database database();

    Platform.Options options() {
        return Platform.Options.provisioning();
    }

    @BeforeAll
    void startPlatform() throws Exception {
        platform = Platform.start(database(), options());
        es3 = new Es3Caller(platform.client("sm-dp"), platform.smsr());
        simulator = new SimulatorAdmin(platform.client("admin"), platform.simulator());
        smdp = new SmDpClient(platform.client("operator-1"), platform.client("admin"), platform.smdp());
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void downloadProfileWhenIccidAndEnableThenCompletedAndCardHoldsExactlyTheImportedProfile() throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        TestProfile profile = TestProfile.random("st-happy");
        smdp.importPackage(profile.encoded());

        SmDpClient.AcceptedOrder order = smdp.downloadProfile(eid, profile.iccid(), null, true);
        JsonNode view = smdp.awaitCompleted(order, ORDER_TIMEOUT);

        assertThat(view.path("eid").asString()).isEqualTo(eid);
        assertThat(view.path("iccid").asString()).isEqualTo(profile.iccid());
        assertThat(view.path("failure").isNull() || view.path("failure").isMissingNode())
                .as("failure of %s", view)
                .isTrue();
        assertStepsDone(view, STEPS);

        SimulatorAdmin.CardIsdp isdp = isdpHolding(eid, profile.iccid());
        assertThat(isdp.lifeCycle()).isEqualTo("Enabled");
        assertThat(isdp.imsi()).isEqualTo(profile.imsi());
        assertThat(isdp.aid()).isEqualToIgnoringCase(view.path("isdpAid").asString());
        String[] keys = simulator.profileKeys(eid, profile.iccid());
        assertThat(keys[0]).isEqualToIgnoringCase(profile.ki());
        assertThat(keys[1]).isEqualToIgnoringCase(profile.opc());

        ProfileInfo inEis = eisProfiles(eid).stream()
                .filter(p -> profile.iccid().equals(p.iccid()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("profile " + profile.iccid() + " not in the EIS of " + eid));
        assertThat(inEis.state()).isEqualTo(ProfileState.ENABLED);
        assertThat(inEis.isdpAid()).isEqualToIgnoringCase(isdp.aid());
        assertThat(inEis.profileType()).isEqualTo(profile.profileType());
        assertAgree(eid);
    }

    @Test
    void downloadProfileWhenEnabledProfileForbidsDisablingByPol2ThenFailsAtEnablingAndFirstStaysEnabled()
            throws Exception {
        String eid = simulator.createRegisteredCards(1).getFirst();
        TestProfile first = TestProfile.random("st-pol2");
        TestProfile second = TestProfile.random("st-pol2");
        smdp.importPackage(first.encoded());
        smdp.importPackage(second.encoded());
        smdp.awaitCompleted(smdp.downloadProfile(eid, first.iccid(), null, true), ORDER_TIMEOUT);

        // POL2 of the enabled profile: DISABLE "Not allowed". Enabling any other profile would disable it, so the
        // SM-SR refuses (SGP.02 §5.4.9); the operator sets the rule over ES2 as the profile's owner.
        Es2.UpdatePolicyRules.Response rules = smdp.es2(
                Es2.UpdatePolicyRules.PATH,
                new Es2.UpdatePolicyRules.Request(
                        SmDpClient.header(),
                        60,
                        eid,
                        first.iccid(),
                        List.of(new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED))),
                Es2.UpdatePolicyRules.Response.class);
        assertSuccess(rules.header());

        SmDpClient.AcceptedOrder order = smdp.downloadProfile(eid, second.iccid(), null, true);
        JsonNode view = smdp.awaitEnd(order, ORDER_TIMEOUT);

        assertThat(view.path("state").asString()).as("%s", view).isEqualTo("FAILED");
        JsonNode failure = view.path("failure");
        assertThat(failure.path("step").asString()).as("%s", view).isEqualTo("PROFILE_ENABLING");
        assertThat(failure.path("reason").asString()).as("%s", view).isEqualTo("ES3_FAILED");
        assertThat(failure.toString()).as("%s", view).containsIgnoringCase("POL2");
        assertStepsDone(view, STEPS.subList(0, 4));
        assertThat(step(view, "PROFILE_ENABLING").path("state").asString()).isEqualTo("FAILED");

        // The second profile stays installed (disabled); the first is still the one enabled, on the card and in the
        // EIS.
        assertThat(isdpHolding(eid, first.iccid()).lifeCycle()).isEqualTo("Enabled");
        assertThat(isdpHolding(eid, second.iccid()).lifeCycle()).isEqualTo("Disabled");
        assertThat(simulator.isdps(eid).values()).containsOnlyOnce("Enabled");
        assertThat(eisProfiles(eid).stream().filter(p -> p.state() == ProfileState.ENABLED))
                .extracting(ProfileInfo::iccid)
                .containsExactly(first.iccid());
        assertAgree(eid);
    }

    /** Each of the five steps in {@code names} is DONE with its start, end and duration, in order. */
    static void assertStepsDone(JsonNode order, List<String> names) {
        List<String> all = new ArrayList<>();
        order.path("steps").forEach(step -> all.add(step.path("name").asString()));
        assertThat(all).as("steps of %s", order).isEqualTo(STEPS);
        for (String name : names) {
            JsonNode step = step(order, name);
            assertThat(step.path("state").asString())
                    .as("%s in %s", name, order)
                    .isEqualTo("DONE");
            Instant started = Instant.parse(step.path("startedAt").asString());
            Instant ended = Instant.parse(step.path("endedAt").asString());
            assertThat(ended).as("%s in %s", name, order).isAfterOrEqualTo(started);
            assertThat(step.path("durationMillis").isNumber())
                    .as("%s in %s", name, order)
                    .isTrue();
            assertThat(step.path("durationMillis").asLong())
                    .as("%s in %s", name, order)
                    .isEqualTo(Duration.between(started, ended).toMillis());
        }
    }

    static JsonNode step(JsonNode order, String name) {
        for (JsonNode step : order.path("steps")) {
            if (step.path("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + order);
    }

    /** The card's ISD-P holding {@code iccid}; fails unless exactly one does. */
    SimulatorAdmin.CardIsdp isdpHolding(String eid, String iccid) throws Exception {
        List<SimulatorAdmin.CardIsdp> holding = simulator.cardIsdps(eid).stream()
                .filter(isdp -> iccid.equals(isdp.iccid()))
                .toList();
        assertThat(holding).as("ISD-Ps of %s holding %s", eid, iccid).hasSize(1);
        return holding.getFirst();
    }

    /** The EIS's ISD-Ps (AID to state) equal the card's. */
    void assertAgree(String eid) throws Exception {
        Map<String, String> eis = new HashMap<>();
        for (ProfileInfo profile : eisProfiles(eid)) {
            eis.put(profile.isdpAid().toUpperCase(Locale.ROOT), profile.state().wireValue());
        }
        Map<String, String> card = new HashMap<>();
        simulator.isdps(eid).forEach((aid, state) -> card.put(aid.toUpperCase(Locale.ROOT), state));
        assertThat(eis).as("EIS of %s against the card", eid).isEqualTo(card);
    }

    /** The EIS and the card agree, once the card's notifications (own sessions) have reached the SM-SR. */
    void awaitAgree(String eid) {
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertAgree(eid));
    }

    List<ProfileInfo> eisProfiles(String eid) throws Exception {
        Es3.GetEis.Response response =
                es3.call(Es3.GetEis.PATH, new Es3.GetEis.Request(Es3Caller.header(), eid), Es3.GetEis.Response.class);
        assertSuccess(response.header());
        return response.eis().profiles();
    }

    static void assertSuccess(ResponseHeader header) {
        assertThat(header.functionExecutionStatus().status())
                .as("%s", header.functionExecutionStatus())
                .isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
    }
}

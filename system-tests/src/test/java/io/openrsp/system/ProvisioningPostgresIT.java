package io.openrsp.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openrsp.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link ProvisioningScenario} on PostgreSQL (a fresh database per service on the server {@link TestPostgres} chooses;
 * without one the class is skipped and says why), plus the load case: 200 orders for 200 cards at once. It runs here
 * only, where the services' databases take concurrent writers best, to keep the suite's time down.
 */
class ProvisioningPostgresIT extends ProvisioningScenario {

    static final int BULK = 200;

    @Override
    Database database() {
        Optional<TestPostgres> server = TestPostgres.server();
        assumeTrue(server.isPresent(), TestPostgres.skipReason());
        return Database.postgres(server.get());
    }

    @Test
    void downloadProfileWhenTwoHundredCardsOrderedAtOnceThenEachCardEnablesItsOwnProfile() throws Exception {
        String profileType = "st-bulk-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> eids = simulator.createRegisteredCards(BULK);
        Set<String> generated = new HashSet<>(smdp.generateDemo(profileType, BULK));
        assertThat(generated).hasSize(BULK);

        Instant start = Instant.now();
        List<SmDpClient.AcceptedOrder> orders = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SmDpClient.AcceptedOrder>> placed = new ArrayList<>();
            for (String eid : eids) {
                placed.add(pool.submit(() -> smdp.downloadProfile(eid, null, profileType, true)));
            }
            for (Future<SmDpClient.AcceptedOrder> order : placed) {
                orders.add(order.get());
            }
        }
        List<String> orderedIccids = new ArrayList<>();
        for (SmDpClient.AcceptedOrder order : orders) {
            JsonNode view = smdp.awaitCompleted(order, Duration.ofMinutes(3));
            assertStepsDone(view, STEPS);
            orderedIccids.add(view.path("iccid").asString());
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("%d parallel orders completed in %d ms%n", BULK, took.toMillis());

        assertThat(orderedIccids).doesNotHaveDuplicates().allMatch(generated::contains);
        List<String> enabledOnCards = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            String eid = eids.get(i);
            List<SimulatorAdmin.CardIsdp> enabled = simulator.cardIsdps(eid).stream()
                    .filter(isdp -> isdp.lifeCycle().equals("Enabled"))
                    .toList();
            assertThat(enabled).as("enabled ISD-Ps of %s", eid).hasSize(1);
            assertThat(enabled.getFirst().iccid()).as("card %s", eid).isEqualTo(orderedIccids.get(i));
            enabledOnCards.add(enabled.getFirst().iccid());
        }
        assertThat(enabledOnCards).doesNotHaveDuplicates();
        for (String eid : eids) {
            awaitAgree(eid);
        }
    }
}

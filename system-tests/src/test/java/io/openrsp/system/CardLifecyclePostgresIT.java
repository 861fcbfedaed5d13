package io.openrsp.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openrsp.testing.TestPostgres;
import java.util.Optional;

/**
 * {@link CardLifecycleScenario} on PostgreSQL: a fresh database per service on the server {@link TestPostgres}
 * chooses (the configured one, which {@code .ci/run} sets, or a container). Without either the class is skipped and
 * says why.
 */
class CardLifecyclePostgresIT extends CardLifecycleScenario {

    @Override
    Database database() {
        Optional<TestPostgres> server = TestPostgres.server();
        assumeTrue(server.isPresent(), TestPostgres.skipReason());
        return Database.postgres(server.get());
    }
}

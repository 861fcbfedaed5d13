package io.openrsp.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link CardLifecycleScenario} on PostgreSQL: a fresh database per service on the server named by
 * {@value Database#POSTGRES_URL_ENV} ({@code .ci/run} sets it). Without that server the class is skipped and says why.
 */
class CardLifecyclePostgresIT extends CardLifecycleScenario {

    @Override
    Database database() {
        String url = System.getenv(Database.POSTGRES_URL_ENV);
        assumeTrue(url != null && !url.isBlank(), Database.POSTGRES_URL_ENV + " names no PostgreSQL server");
        return Database.postgres();
    }
}

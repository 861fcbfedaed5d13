package io.openrsp.ca.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RootCaScenario} on PostgreSQL: the server named by {@value #URL_ENV} (no Docker engine here, so no
 * Testcontainers yet), in a fresh schema per run that is dropped afterwards. Skipped without the variable.
 */
class RootCaPostgresIT extends RootCaScenario {

    static final String URL_ENV = "OPENRSP_TEST_POSTGRES_URL";
    static final String URL = System.getenv(URL_ENV);
    static final String SCHEMA =
            "ca_it_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        if (URL == null || URL.isBlank()) {
            return;
        }
        try (var connection = DriverManager.getConnection(URL);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
    }

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(URL != null && !URL.isBlank(), URL_ENV + " is not set: PostgreSQL tests skipped");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (URL != null && !URL.isBlank()) {
            try (var connection = DriverManager.getConnection(URL);
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }
}

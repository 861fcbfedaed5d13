package io.openrsp.smsr.eis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link EisStoreScenario} on PostgreSQL: the server named by {@value #URL_ENV} (no Docker engine here, so no
 * Testcontainers), in a database created for this class and dropped afterwards. Skipped without the variable.
 */
class EisStorePostgresIT extends EisStoreScenario {

    static final String URL_ENV = "OPENRSP_TEST_POSTGRES_URL";
    private static final String URL = System.getenv(URL_ENV);
    private static final String DATABASE =
            "smsr_eis_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    private static TestEis eis;

    @BeforeAll
    static void createDatabase() throws Exception {
        assumeTrue(URL != null && !URL.isBlank(), URL_ENV + " is not set: PostgreSQL tests skipped");
        try (var connection = DriverManager.getConnection(URL);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        eis = TestEis.on(databaseUrl(), null, null);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (URL != null && !URL.isBlank()) {
            try (var connection = DriverManager.getConnection(URL);
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    /** The server URL with the database path replaced by this class's database. */
    static String databaseUrl() {
        int query = URL.indexOf('?');
        String base = query < 0 ? URL : URL.substring(0, query);
        String parameters = query < 0 ? "" : URL.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + DATABASE + parameters;
    }

    @Override
    TestEis eis() {
        return eis;
    }
}

package io.openrsp.euicc.card;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openrsp.crypto.pki.TestPki;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CardsScenario} on PostgreSQL: the server named by {@value #URL_ENV}, in a database created for this class
 * and dropped afterwards. Skipped without the variable.
 */
class CardsPostgresIT extends CardsScenario {

    static final String URL_ENV = "OPENRSP_TEST_POSTGRES_URL";
    static final String URL = System.getenv(URL_ENV);
    static final String DATABASE =
            "cards_it_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);

    private static final TestPki PKI = TestPki.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        pki(registry, PKI);
        TestCardSettings.masterKey(registry);
        if (!available()) {
            return;
        }
        try (var connection = DriverManager.getConnection(URL);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> withDatabase(URL, DATABASE));
    }

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(available(), URL_ENV + " is not set: PostgreSQL tests skipped");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        PKI.delete();
        if (available()) {
            try (var connection = DriverManager.getConnection(URL);
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    private static boolean available() {
        return URL != null && !URL.isBlank();
    }

    /** {@code jdbc:postgresql://host:port/db?params} with the database replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
}

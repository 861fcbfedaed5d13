package io.openrsp.smsr.eis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openrsp.testing.TestPostgres;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link EisStoreScenario} on PostgreSQL ({@link TestPostgres}: the configured server or a container), in a database
 * created for this class and dropped afterwards. Skipped, saying why, when there is neither.
 */
class EisStorePostgresIT extends EisStoreScenario {

    private static final Optional<TestPostgres> SERVER = TestPostgres.server();
    private static String url;
    private static TestEis eis;

    @BeforeAll
    static void createDatabase() throws SQLException {
        assumeTrue(SERVER.isPresent(), TestPostgres.skipReason());
        TestPostgres server = SERVER.get();
        url = server.createDatabase("smsr_eis");
        eis = TestEis.on(url, server.username(), server.password());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (url != null) {
            SERVER.orElseThrow().dropDatabase(url);
        }
    }

    @Override
    TestEis eis() {
        return eis;
    }
}

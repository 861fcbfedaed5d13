package io.openrsp.smdp.inventory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openrsp.testing.TestPostgres;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ProfileInventoryScenario} on PostgreSQL ({@link TestPostgres}: the server {@code OPENRSP_TEST_POSTGRES_URL}
 * names, or a container), in a database created for this class and dropped afterwards. Skipped, saying why, when
 * there is neither.
 */
class ProfileInventoryPostgresIT extends ProfileInventoryScenario {

    private static final Optional<TestPostgres> SERVER = TestPostgres.server();
    private static String url;
    private static TestInventory fixture;

    @BeforeAll
    static void createDatabase() throws SQLException {
        assumeTrue(SERVER.isPresent(), TestPostgres.skipReason());
        TestPostgres server = SERVER.get();
        url = server.createDatabase("smdp_inventory");
        fixture = TestInventory.on(url, server.username(), server.password());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (fixture != null) {
            fixture.close();
        }
        if (url != null) {
            SERVER.orElseThrow().dropDatabase(url);
        }
    }

    @Override
    protected TestInventory fixture() {
        return fixture;
    }
}

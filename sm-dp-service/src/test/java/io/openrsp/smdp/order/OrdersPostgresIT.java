package io.openrsp.smdp.order;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openrsp.testing.TestPostgres;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link OrderScenario} on PostgreSQL ({@link TestPostgres}: the configured server or a container), in a database
 * created for this class and dropped afterwards. Skipped, saying why, when there is neither.
 */
class OrdersPostgresIT extends OrderScenario {

    private static final Optional<TestPostgres> SERVER = TestPostgres.server();
    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        if (SERVER.isEmpty()) {
            return;
        }
        TestPostgres server = SERVER.get();
        url = server.createDatabase("smdp_orders");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", server::password);
    }

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(SERVER.isPresent(), TestPostgres.skipReason());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (url != null) {
            SERVER.orElseThrow().dropDatabase(url);
        }
    }
}

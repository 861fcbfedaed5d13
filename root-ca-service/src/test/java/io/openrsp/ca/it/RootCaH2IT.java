package io.openrsp.ca.it;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RootCaScenario} on the embedded default database (H2, private in-memory instance). */
class RootCaH2IT extends RootCaScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:ca-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}

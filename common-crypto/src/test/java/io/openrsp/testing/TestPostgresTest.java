package io.openrsp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The choice of server without a Docker engine or a server: Docker and the container are stand-ins here. */
class TestPostgresTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final AtomicInteger dockerAsked = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final TestPostgres container =
            new TestPostgres("jdbc:postgresql://localhost:32768/test?loggerLevel=OFF", "test", "secret");

    private BooleanSupplier docker(boolean available) {
        return () -> {
            dockerAsked.incrementAndGet();
            return available;
        };
    }

    private Supplier<TestPostgres> starter() {
        return () -> {
            started.incrementAndGet();
            return container;
        };
    }

    @Test
    void selectWhenUrlSetThenUsesItWithoutAskingDocker() {
        TestPostgres server = TestPostgres.select(URL, docker(true), starter()).orElseThrow();

        assertThat(server).isNotSameAs(container);
        assertThat(server.username()).isEqualTo("postgres");
        assertThat(server.password()).isEmpty();
        assertThat(dockerAsked).hasValue(0);
        assertThat(started).hasValue(0);
    }

    @Test
    void selectWhenUrlUnsetAndDockerRunsThenStartsContainer() {
        assertThat(TestPostgres.select(null, docker(true), starter())).containsSame(container);
        assertThat(TestPostgres.select(" ", docker(true), starter())).containsSame(container);
        assertThat(started).hasValue(2);
    }

    @Test
    void selectWhenNeitherThenEmptyAndSkipReasonNamesBoth() {
        assertThat(TestPostgres.select(null, docker(false), starter())).isEmpty();
        assertThat(started).hasValue(0);
        assertThat(TestPostgres.skipReason()).contains(TestPostgres.URL_ENV).contains("Docker");
    }

    @Test
    void selectWhenUrlHasCredentialsThenTakesThemFromIt() {
        TestPostgres server = TestPostgres.select(
                        "jdbc:postgresql://db:5432/test?user=openrsp&password=pw&ssl=false", docker(false), starter())
                .orElseThrow();

        assertThat(server.username()).isEqualTo("openrsp");
        assertThat(server.password()).isEqualTo("pw");
    }

    @Test
    void toStringWhenPasswordInUrlThenLeavesItOut() {
        TestPostgres server = TestPostgres.select(
                        "jdbc:postgresql://db:5432/test?user=openrsp&password=pw", docker(false), starter())
                .orElseThrow();

        assertThat(server).hasToString("PostgreSQL jdbc:postgresql://db:5432/test");
        assertThat(container.toString()).doesNotContain("secret");
    }

    @Test
    void withDatabaseWhenParametersThenSwapsOnlyTheDatabase() {
        assertThat(TestPostgres.withDatabase(URL, "openrsp_x_0123456789abcdef"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/openrsp_x_0123456789abcdef?user=postgres");
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://h/test", "d")).isEqualTo("jdbc:postgresql://h/d");
        assertThat(TestPostgres.databaseOf(URL)).isEqualTo("test");
    }

    @Test
    void createDatabaseWhenPrefixNotAnIdentifierThenRefusedBeforeConnecting() {
        assertThatThrownBy(() -> container.createDatabase("x; DROP DATABASE test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> container.createDatabase("Upper")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropDatabaseWhenNotOneItCreatedThenRefusedBeforeConnecting() {
        assertThatThrownBy(() -> container.dropDatabase(URL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test");
    }
}

package io.openrsp.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void environmentWhenPostgresThenEachServiceGetsItsComposeDatabase() {
        var database = PlatformDatabase.postgres("jdbc:postgresql://127.0.0.1:5432/", "postgres");

        assertThat(database.environment(PlatformService.SM_DP))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/smdp")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres");
        assertThat(database.environment(PlatformService.ROOT_CA))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/rootca");
        assertThat(database.environment(PlatformService.SM_SR))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/smsr");
        assertThat(database.environment(PlatformService.EUICC_SIMULATOR))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/simulator");
    }

    @Test
    void environmentWhenEmbeddedThenNothingIsSet() {
        assertThat(PlatformDatabase.embedded().environment(PlatformService.SM_DP))
                .isEmpty();
    }

    @Test
    void postgresWhenServerNamesADatabaseOrParametersThenRefused() {
        assertThatThrownBy(() -> PlatformDatabase.postgres("jdbc:postgresql://127.0.0.1:5432/test", "postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/");
        assertThatThrownBy(() -> PlatformDatabase.postgres("jdbc:postgresql://h/?user=x", "postgres"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformDatabase.postgres("jdbc:postgresql://127.0.0.1:5432/", "x; DROP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role");
    }

    @Test
    void recordedWhenRecordedThenSameChoice() throws Exception {
        Path file = dir.resolve("run").resolve("database");
        var postgres = PlatformDatabase.postgres("jdbc:postgresql://db.example:5433/", "openrsp");

        postgres.record(file);
        assertThat(PlatformDatabase.recorded(file)).isEqualTo(postgres);

        PlatformDatabase.embedded().record(file);
        assertThat(PlatformDatabase.recorded(file)).isEqualTo(PlatformDatabase.embedded());
    }

    @Test
    void recordedWhenMissingOrGarbledThenEmbedded() throws Exception {
        Path file = dir.resolve("database");
        assertThat(PlatformDatabase.recorded(file)).isEqualTo(PlatformDatabase.embedded());

        Files.writeString(file, "jdbc:mysql://x/ root\n");
        assertThat(PlatformDatabase.recorded(file)).isEqualTo(PlatformDatabase.embedded());
    }
}

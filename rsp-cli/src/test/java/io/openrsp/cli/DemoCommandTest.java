package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.cli.platform.PlatformService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "ES3_FAILED, SM_SR",
        "ES3_EXPIRED, SM_SR",
        "TRANSPORT, SM_SR",
        "CARD_REFUSED, EUICC_SIMULATOR",
        "PROFILE_REJECTED, EUICC_SIMULATOR",
        "RECEIPT_INVALID, SM_DP",
        "INTERNAL_ERROR, SM_DP"
    })
    void serviceForWhenOrderFailedThenTheServiceWhoseLogExplainsIt(String reason, PlatformService service) {
        assertThat(DemoCommand.serviceFor(reason)).isEqualTo(service);
    }

    @Test
    void serviceForWhenNoReasonThenSmdp() {
        assertThat(DemoCommand.serviceFor(null)).isEqualTo(PlatformService.SM_DP);
    }

    @Test
    void demoWhenJarsMissingThenExitsOneNamingTheJarAndStartsNothing() {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = Rsp.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        // No rsp.home set: the jars are looked for under the (empty) platform directory.
        String previous = System.clearProperty("rsp.home");
        try {
            int exit = cli.execute("demo", "--dir", dir.toString(), "--base-port", "29440");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString())
                    .contains("FAILED at step \"prepare\" (root-ca-service)")
                    .contains("no executable jar");
            assertThat(dir.resolve("pki")).doesNotExist();
        } finally {
            if (previous != null) {
                System.setProperty("rsp.home", previous);
            }
        }
    }

    @Test
    void demoWhenBasePortOutOfRangeThenUsageError() {
        var err = new StringWriter();
        var cli = Rsp.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("demo", "--dir", dir.toString(), "--base-port", "80");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--base-port");
    }
}

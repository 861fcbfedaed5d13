package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.cli.client.Es2Client;
import io.openrsp.cli.client.Order;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionCommandTest {

    private static final String EID = "89049032000010000095380952849269";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void provisionWhenEidMalformedThenUsageErrorNamingIt() {
        int exit = run("provision", "--eid", "8904903200001000009538095284926", "--profile-type", "demo");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--eid: EID must be 32 decimal digits");
    }

    @Test
    void provisionWhenEidCheckDigitsWrongThenUsageError() {
        int exit = run("provision", "--eid", "89049032000010000095380952849268", "--profile-type", "demo");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--eid: EID check digits do not verify");
    }

    @Test
    void provisionWhenBothIccidAndProfileTypeThenUsageError() {
        int exit = run("provision", "--eid", EID, "--iccid", "89001010017717638104", "--profile-type", "demo");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void provisionWhenNeitherIccidNorProfileTypeThenUsageError() {
        int exit = run("provision", "--eid", EID);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--iccid").contains("--profile-type");
    }

    @Test
    void provisionWhenIccidLuhnWrongThenUsageError() {
        int exit = run("provision", "--eid", EID, "--iccid", "89001010017717638105");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--iccid:");
    }

    @Test
    void provisionWhenSmdpNotHttpsThenUsageErrorAndNoConnection() {
        int exit = run("provision", "--eid", EID, "--profile-type", "demo", "--smdp", "http://127.0.0.1:8441");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--smdp must be an https:// URL");
    }

    @Test
    void provisionWhenOperatorCertificateMissingThenExitOneNamingTheFile() {
        int exit = run("provision", "--eid", EID, "--profile-type", "demo", "--pki", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("rsp provision: ").contains("operator-1.crt");
    }

    @Test
    void describeWhenProfileTypeAndEnableThenSaysSo() {
        var download = new Es2Client.Download(EID, null, "demo", true);

        assertThat(ProvisionCommand.describe(download, URI.create("https://127.0.0.1:8441"), "Operator-1"))
                .isEqualTo("ES2 DownloadProfile to https://127.0.0.1:8441 as Operator-1: EID " + EID
                        + ", profile type demo, enable");
    }

    @Test
    void resultWhenCompletedWithEnableThenIccidIsdpAndEnabled() {
        var order = new Order(
                "o-1",
                "Operator-1",
                EID,
                "89001010017717638104",
                "demo",
                true,
                "COMPLETED",
                "A0000005591010FFFFFFFF8900001000",
                List.of(),
                null);

        assertThat(ProvisionCommand.result(order))
                .isEqualTo(
                        "ICCID 89001010017717638104 installed in ISD-P A0000005591010FFFFFFFF8900001000 and enabled");
    }

    private int run(String... args) {
        var cli = Rsp.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}

package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RspTest {

    @Test
    void executeWhenHelpThenPrintsUsageAndExitsZero() {
        var out = new StringWriter();
        var cli = Rsp.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: rsp").contains("--version");
    }

    @Test
    void executeWhenUnknownOptionThenExitsWithUsageError() {
        var err = new StringWriter();
        var cli = Rsp.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--no-such-option");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }
}

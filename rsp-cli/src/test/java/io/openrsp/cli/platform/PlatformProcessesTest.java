package io.openrsp.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformProcessesTest {

    @TempDir
    Path dir;

    @Test
    void requireFreePortsWhenPortTakenThenNamesPortAndService() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The SM-SR's HTTPS port is base + 2.
            var layout = layout(new PlatformPorts(taken.getLocalPort() - 2));
            var processes = new PlatformProcesses(layout, new PrintWriter(new StringWriter()));

            assertThatThrownBy(() -> processes.requireFreePorts(PlatformService.SM_SR))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.reason()).isEqualTo(PlatformException.Reason.PORT_IN_USE);
                        assertThat(e.service()).isEqualTo(PlatformService.SM_SR);
                    })
                    .hasMessageContaining("port " + taken.getLocalPort() + " (sm-sr-service HTTPS) is in use");
        }
    }

    @Test
    void startWhenJarMissingThenJarMissingAndNoPidFile() {
        var layout = layout(PlatformPorts.defaults());
        var processes = new PlatformProcesses(layout, new PrintWriter(new StringWriter()));

        assertThatThrownBy(() -> processes.start(PlatformService.SM_DP, false))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        e -> assertThat(e.reason()).isEqualTo(PlatformException.Reason.JAR_MISSING))
                .hasMessageContaining("sm-dp-service-<version>-exec.jar");
        assertThat(layout.pidFile(PlatformService.SM_DP)).doesNotExist();
    }

    @Test
    void runningWhenPidFileNamesAProcessNotRunningTheServiceJarThenEmpty() throws Exception {
        var layout = layout(PlatformPorts.defaults());
        Files.createDirectories(layout.pidFile(PlatformService.SM_SR).getParent());
        // This test's own JVM: alive, but not the SM-SR; it must never be taken for one (and stopped).
        Files.writeString(
                layout.pidFile(PlatformService.SM_SR), ProcessHandle.current().pid() + "\n");

        assertThat(PlatformProcesses.running(layout, PlatformService.SM_SR)).isEmpty();
    }

    @Test
    void runningWhenPidFileGarbledThenEmpty() throws Exception {
        var layout = layout(PlatformPorts.defaults());
        Files.createDirectories(layout.pidFile(PlatformService.SM_SR).getParent());
        Files.writeString(layout.pidFile(PlatformService.SM_SR), "not a pid");

        assertThat(PlatformProcesses.running(layout, PlatformService.SM_SR)).isEmpty();
    }

    @Test
    void logTailWhenLongLogThenLastLines() throws Exception {
        Path log = dir.resolve("x.log");
        Files.write(
                log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList());

        assertThat(PlatformProcesses.logTail(log, 3).lines().toList())
                .containsExactly("line 98", "line 99", "line 100");
    }

    @Test
    void lastCauseWhenStackTraceThenTheInnermostCause() throws Exception {
        Path log = dir.resolve("x.log");
        Files.write(
                log,
                List.of(
                        "APPLICATION FAILED",
                        "Caused by: org.springframework.beans.BeanInstantiationException: x",
                        "\tat a.b.C(C.java:1)",
                        "Caused by: java.lang.IllegalStateException: no master key",
                        "\tat a.b.D(D.java:2)"));

        assertThat(PlatformProcesses.lastCause(log))
                .contains("Caused by: java.lang.IllegalStateException: no master key");
    }

    @Test
    void jarWhenSeveralBuildsThenTheNewest() throws Exception {
        var layout = layout(PlatformPorts.defaults());
        Path target = Files.createDirectories(dir.resolve("sm-sr-service/target"));
        Path older = Files.writeString(target.resolve("sm-sr-service-0.1.0-exec.jar"), "");
        Path newer = Files.writeString(target.resolve("sm-sr-service-0.2.0-exec.jar"), "");
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(newer, java.nio.file.attribute.FileTime.fromMillis(2_000));
        Files.writeString(target.resolve("sm-sr-service-0.3.0.jar"), "");

        assertThat(layout.jar(PlatformService.SM_SR)).isEqualTo(newer);
    }

    private PlatformLayout layout(PlatformPorts ports) {
        return new PlatformLayout(dir, dir, Path.of("java"), ports, PlatformDatabase.embedded());
    }
}

package io.openrsp.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformPortsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsWhenAskedThenTheDocumentedPorts() {
        var ports = PlatformPorts.defaults();

        assertThat(ports.https(PlatformService.ROOT_CA)).isEqualTo(8440);
        assertThat(ports.https(PlatformService.SM_DP)).isEqualTo(8441);
        assertThat(ports.https(PlatformService.SM_SR)).isEqualTo(8442);
        assertThat(ports.es5()).isEqualTo(8443);
        assertThat(ports.https(PlatformService.EUICC_SIMULATOR)).isEqualTo(8444);
        assertThat(ports.of(PlatformService.SM_SR))
                .extracting(PlatformPorts.Port::number)
                .containsExactly(8442, 8443);
    }

    @Test
    void argumentsWhenOtherBaseThenEveryPortAndPeerUrlFollows() {
        var ports = new PlatformPorts(18440);

        assertThat(ports.arguments(PlatformService.ROOT_CA))
                .containsExactly(
                        "--server.port=18440",
                        "--openrsp.ca.crl-url=https://127.0.0.1:18440/crl",
                        "--openrsp.ca.import-certificate=./pki/ci.crt",
                        "--openrsp.ca.import-key=./pki/ci.key");
        assertThat(ports.arguments(PlatformService.SM_DP))
                .containsExactly("--server.port=18441", "--openrsp.smdp.es3.smsr-url=https://127.0.0.1:18442");
        assertThat(ports.arguments(PlatformService.SM_SR))
                .containsExactly(
                        "--server.port=18442",
                        "--openrsp.es5.port=18443",
                        "--openrsp.smsc.url=https://127.0.0.1:18444/smsc/mt",
                        "--openrsp.smsr.smdp-notification-url=https://127.0.0.1:18441");
        assertThat(ports.arguments(PlatformService.EUICC_SIMULATOR))
                .containsExactly("--server.port=18444", "--openrsp.factory.smsr-url=https://127.0.0.1:18442");
    }

    @Test
    void constructorWhenBaseLeavesNoRoomForFivePortsThenRefused() {
        assertThatThrownBy(() -> new PlatformPorts(65532)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformPorts(1023)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordedWhenWrittenThenReadBack() throws Exception {
        Path file = dir.resolve("run/base-port");
        new PlatformPorts(19440).record(file);

        assertThat(PlatformPorts.recorded(file)).isEqualTo(new PlatformPorts(19440));
    }

    @Test
    void recordedWhenNoFileThenDefaults() {
        assertThat(PlatformPorts.recorded(dir.resolve("none"))).isEqualTo(PlatformPorts.defaults());
    }
}

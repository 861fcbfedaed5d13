package io.openrsp.euicc.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.RequestHeader;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class Es1ClientTest {

    private static final Es1.RegisterEis.Request REQUEST = new Es1.RegisterEis.Request(
            new RequestHeader("EUM-1", "call-1"),
            new Eis(
                    "89049032000010000000000000004201",
                    "EUM-1",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new Ecasd(null, "AA=="),
                    null,
                    null));

    @Test
    void endpointWhenBaseUrlThenRegisterEisPath() {
        Es1Client client = new Es1Client(
                () -> {
                    throw new IllegalStateException();
                },
                URI.create("https://smsr.example:8442"),
                Duration.ofSeconds(1));

        assertThat(client.endpoint()).isEqualTo(URI.create("https://smsr.example:8442/gsma/es1/registerEIS"));
    }

    @Test
    void registerEisWhenClientIdentityCannotLoadThenClientIdentityNamingTheSettings() {
        Es1Client client = new Es1Client(
                () -> {
                    throw new IllegalStateException("cannot read ./pki/eum-client.key");
                },
                URI.create("https://smsr.example:8442"),
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.registerEis(REQUEST))
                .asInstanceOf(InstanceOfAssertFactories.type(Es1Exception.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("openrsp.factory.client-certificate"))
                .extracting(Es1Exception::reason)
                .isEqualTo(Es1Exception.Reason.CLIENT_IDENTITY);
    }
}

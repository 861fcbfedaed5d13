package io.openrsp.smsr.security;

import io.openrsp.crypto.pki.MutualTlsContract;
import io.openrsp.crypto.pki.TestPki;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@link MutualTlsContract} on this service, started on a PKI made at test time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmSrMutualTlsIT extends MutualTlsContract {

    private static final String SERVICE = "sm-sr";
    private static final TestPki PKI = TestPki.create();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pki(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file(SERVICE + ".crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file(SERVICE + ".key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add("spring.ssl.bundle.watch.file.quiet-period", () -> "100ms");
        // The EIS (io.openrsp.smsr.eis): a private database, a master key, the test PKI's EUM; ES5 on any free port.
        registry.add("openrsp.smsr.eum-certificates", () -> PKI.file("eum.crt").toString());
        registry.add("OPENRSP_MASTER_KEY", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:smsr-mtls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("openrsp.es5.port", () -> "0");
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @Override
    protected TestPki pki() {
        return PKI;
    }

    @Override
    protected String service() {
        return SERVICE;
    }

    @Override
    protected int port() {
        return port;
    }
}

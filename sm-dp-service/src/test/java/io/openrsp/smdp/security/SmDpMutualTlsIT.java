package io.openrsp.smdp.security;

import io.openrsp.crypto.pki.MutualTlsContract;
import io.openrsp.crypto.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@link MutualTlsContract} on this service, started on a PKI made at test time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmDpMutualTlsIT extends MutualTlsContract {

    private static final String SERVICE = "sm-dp";
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
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sm-dp-mtls;DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
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

package io.openrsp.smsr.es5;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.Role;
import io.openrsp.crypto.pki.RoleDecision;
import io.openrsp.crypto.pki.RoleMapper;
import io.openrsp.crypto.pki.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test fixture: the network's SMS-C as DESIGN.md §3.2 binds it ({@code POST /smsc/mt}, mutual TLS 1.3 with the
 * simulator's certificate), recording each accepted message and the role of the client certificate that sent it.
 */
final class TestSmsc implements AutoCloseable {

    final List<Map<String, Object>> delivered = new CopyOnWriteArrayList<>();
    final List<Role> callerRoles = new CopyOnWriteArrayList<>();
    volatile int status = 202;
    private final HttpsServer server;

    private TestSmsc(HttpsServer server) {
        this.server = server;
    }

    static TestSmsc start(TestPki pki) throws IOException, GeneralSecurityException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        TestSmsc smsc = new TestSmsc(server);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.client("euicc-simulator")) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                parameters.setProtocols(new String[] {"TLSv1.3"});
                params.setSSLParameters(parameters);
            }
        });
        RoleMapper roles = RoleMapper.trusting(
                Pem.readCertificate(Files.readString(pki.file("ci.crt"), StandardCharsets.US_ASCII)));
        server.createContext("/smsc/mt", exchange -> {
            X509Certificate caller =
                    (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            if (roles.decide(caller) instanceof RoleDecision.Granted granted) {
                smsc.callerRoles.add(granted.role());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JsonMapper.shared().readValue(exchange.getRequestBody(), Map.class);
            int answer = smsc.status;
            if (answer / 100 == 2) {
                smsc.delivered.add(body);
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return smsc;
    }

    URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/smsc/mt");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

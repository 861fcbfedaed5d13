package io.openrsp.euicc.factory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.EcdsaP256Verifier;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.crypto.wrap.EcasdKeyWrap;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.EisSignature;
import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;

/**
 * Test fixture: the SM-SR's ES1 RegisterEIS for a test, over HTTPS with a required client certificate (the SM-SR's
 * own from the test PKI). It checks what the real SM-SR checks (chain CI → EUM → ECASD naming the EID, the EUM's
 * signature over the EIS) and answers as told by {@link #mode(Mode)}, keeping the key material it handed out.
 */
final class TestEs1Endpoint implements AutoCloseable {

    static final String SMSR_ID = "SM-SR-TEST";

    /** How the endpoint answers. */
    enum Mode {
        /** Success with key material wrapped for the card. */
        REGISTER,
        /** In-band Failed: EID already in use. */
        REFUSE,
        /** Success, but the key material wrapped for another SM-SR id (the card cannot open it). */
        WRONG_WRAP,
        /** HTTP 500 without a function response. */
        SERVER_ERROR,
        /** HTTP 200 whose body is not a RegisterEIS response. */
        GARBAGE
    }

    private final HttpsServer server;
    private final TestPki pki;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CardKeyMaterial> issued = new ConcurrentHashMap<>();
    private final Map<String, String> verification = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.REGISTER;

    TestEs1Endpoint(TestPki pki) throws Exception {
        this.pki = pki;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.client("sm-sr")) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                ssl.setProtocols(new String[] {"TLSv1.3"});
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext(Es1.RegisterEis.PATH, this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The key material handed out for {@code eid}, if any. */
    CardKeyMaterial issued(String eid) {
        return issued.get(eid);
    }

    /** What the endpoint's checks said about {@code eid}'s registration: "ok" or the failed check. */
    String verification(String eid) {
        return verification.get(eid);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Es1.RegisterEis.Request request =
                    EsJson.readRequest(exchange.getRequestBody().readAllBytes(), Es1.RegisterEis.Request.class);
            Eis eis = request.eis();
            X509Certificate ecasd =
                    certificate(Base64.getDecoder().decode(eis.ecasd().certificate()));
            verification.put(eis.eid(), verify(eis, ecasd));
            Es1.RegisterEis.Response response = switch (mode) {
                case REGISTER -> success(eis, ecasd, SMSR_ID);
                case WRONG_WRAP -> success(eis, ecasd, "SM-SR-OTHER");
                case REFUSE ->
                    new Es1.RegisterEis.Response(
                            ResponseHeader.failed(new StatusCodeData(
                                    SubjectCode.EID, ReasonCode.ALREADY_IN_USE, eis.eid(), "EID already registered")),
                            null,
                            null);
                case SERVER_ERROR, GARBAGE -> null;
            };
            if (mode == Mode.SERVER_ERROR) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] body = response == null
                    ? "{\"header\":".getBytes(StandardCharsets.US_ASCII)
                    : EsJson.toJsonBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (Exception e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private Es1.RegisterEis.Response success(Eis eis, X509Certificate ecasd, String wrapFor) throws Exception {
        CardKeyMaterial material = CardKeyMaterial.generate(random);
        byte[] wrapped = EcasdKeyWrap.wrap(
                EcPublicKey.fromJca((ECPublicKey) ecasd.getPublicKey()),
                material,
                EcasdKeyWrap.sharedInfo(wrapFor, Eid.of(eis.eid()).toBytes()),
                random);
        issued.put(eis.eid(), material);
        return new Es1.RegisterEis.Response(
                ResponseHeader.success(), SMSR_ID, Base64.getEncoder().encodeToString(wrapped));
    }

    private String verify(Eis eis, X509Certificate ecasd) throws Exception {
        X509Certificate ci = read("ci.crt");
        X509Certificate eum = read("eum.crt");
        try {
            CertificatePaths.trusting(ci, Clock.systemUTC()).validate(List.of(ecasd, eum), CertificateProfile.ECASD);
        } catch (Exception e) {
            return "chain: " + e.getMessage();
        }
        if (!ecasd.getSubjectX500Principal().getName().contains(eis.eid())) {
            return "the ECASD certificate does not name the EID";
        }
        try {
            new EcdsaP256Verifier(EcPublicKey.fromJca((ECPublicKey) eum.getPublicKey()), EcdsaSignatureFormat.DER)
                    .verify(Base64.getDecoder().decode(eis.eumSignature()), EisSignature.signedData(eis));
        } catch (CryptoException e) {
            return "signature";
        }
        return "ok";
    }

    private X509Certificate read(String file) throws Exception {
        return Pem.readCertificate(Files.readString(pki.file(file), StandardCharsets.US_ASCII));
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The container health check of every service image (docker/Dockerfile, docker-compose.yml): {@code GET
 * <url>} (the service's {@code /actuator/health}) over TLS 1.3 with a client certificate, the server's certificate
 * verified against the trust bundle alone and its name against the URL's host (DESIGN.md section 9). Exit 0 when
 * the service answers 200, 1 otherwise, with the reason on one line.
 *
 * <p>The runtime image is a JRE (no compiler), so this is compiled in the build stage and run with {@code java -cp
 * /app/tools HealthCheck <url> <certificate> <pkcs8-key> <trust-bundle>}.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    private HealthCheck() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println(
                    "usage: HealthCheck <https-url> <client-certificate.pem> <client-key.pem> <trust-bundle.pem>");
            System.exit(2);
        }
        try {
            URI url = URI.create(args[0]);
            if (!"https".equalsIgnoreCase(url.getScheme())) {
                throw new IllegalArgumentException("the health URL must be https: " + url);
            }
            SSLParameters parameters = new SSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(context(Path.of(args[1]), Path.of(args[2]), Path.of(args[3])))
                    .sslParameters(parameters)
                    .connectTimeout(TIMEOUT)
                    .build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                System.err.println("unhealthy: " + url + " answered " + response.statusCode() + " " + response.body());
                System.exit(1);
            }
            System.out.println("healthy: " + url + " " + response.body());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            System.err.println("unhealthy: " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static SSLContext context(Path certificateFile, Path keyFile, Path trustBundle)
            throws IOException, GeneralSecurityException {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            certificate = (X509Certificate) x509.generateCertificate(in);
        }
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("client", privateKey(keyFile, certificate), new char[0], new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, new char[0]);

        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        Collection<? extends Certificate> bundle;
        try (InputStream in = Files.newInputStream(trustBundle)) {
            bundle = x509.generateCertificates(in);
        }
        if (bundle.isEmpty()) {
            throw new GeneralSecurityException(trustBundle + " holds no certificate");
        }
        int i = 0;
        for (Certificate anchor : bundle) {
            anchors.setCertificateEntry("ci-" + i++, anchor);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);

        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** The unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}) that {@code rsp pki init} writes. */
    private static PrivateKey privateKey(Path keyFile, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            // never echo the file: it is a private key
            throw new GeneralSecurityException(keyFile + " is not a PEM PKCS#8 private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}

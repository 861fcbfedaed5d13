package io.openrsp.cli.client;

import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * DESIGN.md §9 on the client side: HTTPS clients of the platform's services built from the PEM files
 * {@code rsp pki init} writes. TLS 1.3 only, the client certificate presented, the server's certificate validated
 * against the CI certificates of the trust bundle alone (not the JDK's public CAs) and its name checked against the
 * URL's host. There is deliberately no way to turn verification off.
 */
public final class HttpsClients {

    /** TLS 1.3 only, as the services themselves. */
    static final String PROTOCOL = "TLSv1.3";

    private static final char[] IN_MEMORY = new char[0];
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * A client identity: certificate and PKCS#8 key of one entity, and the trust bundle.
     *
     * @param certificate the client certificate (PEM)
     * @param privateKey its unencrypted PKCS#8 or SEC1 EC key (PEM)
     * @param trustBundle the CI certificate(s) the servers' certificates must chain to (PEM)
     */
    public record Identity(Path certificate, Path privateKey, Path trustBundle) {

        /** {@code <entity>.crt}, {@code <entity>.key} and {@code trust-bundle.pem} in {@code pkiDirectory}. */
        public static Identity inPki(Path pkiDirectory, String entity) {
            return new Identity(
                    pkiDirectory.resolve(entity + ".crt"),
                    pkiDirectory.resolve(entity + ".key"),
                    pkiDirectory.resolve("trust-bundle.pem"));
        }
    }

    private HttpsClients() {}

    /** An HTTP/1.1 client presenting {@code identity} over TLS 1.3. */
    public static HttpClient client(Identity identity) throws ClientException {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {PROTOCOL});
        return HttpClient.newBuilder()
                .sslContext(context(identity))
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** The TLS 1.3 context of {@code identity}: its key and certificate, trusting the bundle's certificates only. */
    public static SSLContext context(Identity identity) throws ClientException {
        X509Certificate certificate = certificate(identity.certificate());
        PrivateKey key = privateKey(identity.privateKey());
        List<X509Certificate> anchors = certificates(identity.trustBundle());
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                trust.setCertificateEntry("ci-" + i, anchors.get(i));
            }
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, IN_MEMORY, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ClientException(
                    ClientException.Reason.CREDENTIALS,
                    "rsp",
                    "cannot build the TLS client from " + identity.certificate() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The CN of the certificate in {@code certificateFile} (an operator's ES2 requester identifier). */
    public static String commonName(Path certificateFile) throws ClientException {
        X509Certificate certificate = certificate(certificateFile);
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            throw credentials(certificateFile, "its subject is not an X.500 name", e);
        }
        throw credentials(certificateFile, "its subject has no CN", null);
    }

    private static X509Certificate certificate(Path file) throws ClientException {
        try {
            return Pem.readCertificate(read(file));
        } catch (PkiException e) {
            throw credentials(file, e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws ClientException {
        try {
            List<X509Certificate> certificates = Pem.readCertificates(read(file));
            if (certificates.isEmpty()) {
                throw credentials(file, "it holds no certificate", null);
            }
            return certificates;
        } catch (PkiException e) {
            throw credentials(file, e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) throws ClientException {
        try {
            return Pem.readPrivateKey(read(file));
        } catch (PkiException e) {
            // PkiException messages never carry key material.
            throw credentials(file, e.getMessage(), e);
        }
    }

    private static String read(Path file) throws ClientException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw credentials(file, "cannot read it (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static ClientException credentials(Path file, String why, Throwable cause) {
        return new ClientException(ClientException.Reason.CREDENTIALS, "rsp", file + ": " + why, cause);
    }
}

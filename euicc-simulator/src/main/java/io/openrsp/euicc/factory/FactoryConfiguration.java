package io.openrsp.euicc.factory;

import io.openrsp.euicc.security.TlsProperties;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * DESIGN.md §3.1 and §9: wires the factory: the EID generator and the ES1 client, whose HTTPS client presents the
 * EUM_CLIENT certificate (role EUM) with TLS 1.3 only and trusts the CI. Its identity is the SSL bundle named by
 * {@code openrsp.factory.ssl-bundle} when {@code spring.ssl.bundle} defines one (e.g. to add reload-on-update),
 * else the PEM files {@code openrsp.factory.client-certificate} / {@code client-private-key} with
 * {@code openrsp.tls.trust-bundle}. Both are resolved on the first registration, not at start-up: Boot loads the
 * bundles of {@code spring.ssl.bundle} eagerly, and a simulator without the EUM files must still start (see
 * {@link FactoryProperties}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FactoryProperties.class)
class FactoryConfiguration {

    private static final String[] PROTOCOLS = {"TLSv1.3"};
    private static final String[] CIPHERS = {
        "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"
    };

    @Bean
    EidGenerator eidGenerator(FactoryProperties properties, SecureRandom random) {
        return new EidGenerator(properties.eidPrefix(), random);
    }

    @Bean
    Es1Client es1Client(FactoryProperties properties, SslBundles bundles, TlsProperties tls) {
        SingletonSupplier<HttpClient> client =
                SingletonSupplier.of(() -> httpClient(properties, bundle(properties, bundles, tls)));
        return new Es1Client(client, properties.smsrUrl(), properties.requestTimeout());
    }

    private static SslBundle bundle(FactoryProperties properties, SslBundles bundles, TlsProperties tls) {
        if (bundles.getBundleNames().contains(properties.sslBundle())) {
            return bundles.getBundle(properties.sslBundle());
        }
        PemSslStoreDetails identity = PemSslStoreDetails.forCertificate(location(properties.clientCertificate()))
                .withPrivateKey(location(properties.clientPrivateKey()));
        PemSslStoreDetails trust = PemSslStoreDetails.forCertificates(location(tls.trustBundle()));
        return SslBundle.of(new PemSslStoreBundle(identity, trust), null, SslOptions.of(CIPHERS, PROTOCOLS));
    }

    private static String location(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    private static HttpClient httpClient(FactoryProperties properties, SslBundle bundle) {
        SSLParameters parameters = new SSLParameters();
        SslOptions options = bundle.getOptions();
        parameters.setProtocols(options.getEnabledProtocols() != null ? options.getEnabledProtocols() : PROTOCOLS);
        parameters.setCipherSuites(options.getCiphers() != null ? options.getCiphers() : CIPHERS);
        return HttpClient.newBuilder()
                .sslContext(bundle.createSslContext())
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }
}

package io.openrsp.smdp.es3;

import io.openrsp.rsp.es.EsCallMetrics;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DESIGN.md §3.1 and §9: the {@link Es3Client} bean on the service's own {@code server} SSL bundle (the SM-DP
 * certificate, role SMDP), rebuilt when the bundle is renewed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Es3ClientProperties.class)
class Es3ClientConfiguration {

    /** The bundle the HTTPS server uses: the SM-DP's one TLS identity. */
    static final String SSL_BUNDLE = "server";

    private static final Logger log = LoggerFactory.getLogger(Es3ClientConfiguration.class);

    @Bean
    Es3Client es3Client(
            Es3ClientProperties properties, SslBundles sslBundles, SecureRandom random, EsCallMetrics metrics) {
        Es3Client client = new Es3Client(
                properties,
                random,
                metrics,
                Es3Client.httpClient(sslBundles.getBundle(SSL_BUNDLE), properties.connectTimeout()));
        sslBundles.addBundleUpdateHandler(SSL_BUNDLE, renewed -> {
            try {
                client.replaceClient(Es3Client.httpClient(renewed, properties.connectTimeout()));
            } catch (RuntimeException e) {
                // keep calling with the previous certificate until a renewal that loads
                log.warn("ES3 client keeps its previous TLS identity: {}", e.toString());
            }
        });
        return client;
    }
}

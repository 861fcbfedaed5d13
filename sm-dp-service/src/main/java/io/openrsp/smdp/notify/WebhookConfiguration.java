package io.openrsp.smdp.notify;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DESIGN.md §3 and §9: the {@link WebhookNotifier} on the service's own {@code server} SSL bundle (the SM-DP
 * certificate), rebuilt when the bundle is renewed; closed with the context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** The bundle the HTTPS server uses: the SM-DP's one TLS identity. */
    static final String SSL_BUNDLE = "server";

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookNotifier webhookNotifier(WebhookProperties properties, SslBundles sslBundles, MeterRegistry meters) {
        WebhookNotifier notifier = new WebhookNotifier(
                properties, meters, WebhookNotifier.httpClient(sslBundles.getBundle(SSL_BUNDLE), properties.timeout()));
        sslBundles.addBundleUpdateHandler(SSL_BUNDLE, renewed -> {
            try {
                notifier.replaceClient(WebhookNotifier.httpClient(renewed, properties.timeout()));
            } catch (RuntimeException e) {
                // keep posting with the previous certificate until a renewal that loads
                log.warn("webhook client keeps its previous TLS identity: {}", e.toString());
            }
        });
        return notifier;
    }
}

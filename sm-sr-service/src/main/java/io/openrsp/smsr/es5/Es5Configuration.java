package io.openrsp.smsr.es5;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openrsp.rsp.scp81.RetryPolicy;
import io.openrsp.smsr.eis.CardCredentials;
import io.openrsp.smsr.eis.NotificationHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DESIGN.md §3.2: wires the ES5 admin channel: the {@link AdminChannel} (per-card queues), the push SMS to the SMS-C
 * and the PSK-TLS listener. Clock and randomness come from the service's beans when it defines them (STYLE.md rule
 * 11), else the system clock and the platform CSPRNG.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Es5Properties.class, SmscProperties.class})
class Es5Configuration {

    private static final Logger log = LoggerFactory.getLogger(Es5Configuration.class);

    /** The SSL bundle of the service's own certificate (role SMSR), also used as the SMS-C client identity. */
    static final String SSL_BUNDLE = "server";

    @Bean(destroyMethod = "close")
    Es5Timers es5Timers() {
        return new Es5Timers();
    }

    @Bean
    Es5Metrics es5Metrics(ObjectProvider<MeterRegistry> registry) {
        return new Es5Metrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SmscPushSender smscPushSender(
            Es5Properties es5,
            SmscProperties smsc,
            CardCredentials credentials,
            SslBundles sslBundles,
            ObjectProvider<Es5Listener> listener) {
        int publicPort = es5.publicPort();
        PushSmsBuilder builder = new PushSmsBuilder(
                es5.advertisedHost(),
                () -> publicPort != 0 ? publicPort : listener.getObject().port(),
                new RetryPolicy(es5.cardRetryCount(), es5.cardRetryDelay()));
        SmscPushSender sender = new SmscPushSender(
                builder,
                credentials,
                smsc.url(),
                smsc.timeout(),
                SmscPushSender.httpClient(sslBundles.getBundle(SSL_BUNDLE), smsc.timeout()));
        sslBundles.addBundleUpdateHandler(SSL_BUNDLE, renewed -> {
            try {
                sender.replaceClient(SmscPushSender.httpClient(renewed, smsc.timeout()));
            } catch (RuntimeException e) {
                // keep pushing with the previous certificate until a renewal that loads
                log.warn("SMS-C client keeps its previous TLS identity: {}", e.toString());
            }
        });
        return sender;
    }

    @Bean
    CardCommandQueues cardCommandQueues(
            SmscPushSender pushSender,
            Es5Properties es5,
            Es5Timers timers,
            ObjectProvider<Clock> clock,
            Es5Metrics metrics) {
        // Not an Executor bean: that would replace Boot's applicationTaskExecutor.
        Executor worker = task -> Thread.ofVirtual().name("es5-worker").start(task);
        CardCommandQueues queues = new CardCommandQueues(
                pushSender, clock.getIfAvailable(Clock::systemUTC), es5.pushRetry(), timers, worker);
        metrics.gauge("openrsp.es5.queue.depth", queues::queueDepth);
        return queues;
    }

    @Bean
    Es5Listener es5Listener(
            Es5Properties es5,
            CardCredentials credentials,
            NotificationHandler notifications,
            CardCommandQueues queues,
            Es5Timers timers,
            Es5Metrics metrics,
            ObjectProvider<SecureRandom> random) {
        SecureRandom secureRandom = random.getIfAvailable(SecureRandom::new);
        AdminSession.Settings settings = new AdminSession.Settings(
                queues,
                notifications,
                secureRandom,
                es5.linger(),
                es5.idleTimeout(),
                Math.toIntExact(es5.maxHeaderSize().toBytes()),
                Math.toIntExact(es5.maxBodySize().toBytes()));
        return new Es5Listener(
                es5, new JcaTlsCryptoProvider().create(secureRandom), credentials, settings, timers, metrics);
    }
}

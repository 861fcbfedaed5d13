package io.openrsp.smdp.order;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** DESIGN.md §4 and §10: the order settings and the executor orders run on (one virtual thread per order). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    static final String EXECUTOR = "orderExecutor";

    /** Shut down by {@link OrderRunner#stop()} (with a grace period), not by the context's default close. */
    @Bean(name = EXECUTOR, destroyMethod = "")
    ExecutorService orderExecutor() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("order-", 0).factory());
    }
}

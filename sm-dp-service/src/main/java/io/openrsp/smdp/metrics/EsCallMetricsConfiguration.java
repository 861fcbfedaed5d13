package io.openrsp.smdp.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.openrsp.rsp.es.EsCallMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's ES call timer ({@link EsCallMetrics}) on this service's meter registry. */
@Configuration(proxyBeanMethods = false)
class EsCallMetricsConfiguration {

    @Bean
    EsCallMetrics esCallMetrics(MeterRegistry registry) {
        return new EsCallMetrics(registry);
    }
}

package io.openrsp.smdp.es8;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** STYLE.md rule 10: binds {@link Es8Properties} ({@code openrsp.smdp.es8.*}) for {@link Es8Host}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Es8Properties.class)
class Es8Configuration {}

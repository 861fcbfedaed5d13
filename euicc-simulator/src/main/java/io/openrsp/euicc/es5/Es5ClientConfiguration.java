package io.openrsp.euicc.es5;

import java.security.SecureRandom;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DESIGN.md §3.2: wires the cards' PSK-TLS client: Bouncy Castle's TLS engine on the JCA providers (AES-GCM and
 * HMAC from the JDK, hardware-accelerated), with the injected {@link SecureRandom}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Es5ClientProperties.class)
class Es5ClientConfiguration {

    @Bean
    PskTlsConnector pskTlsConnector(Es5ClientProperties properties, SecureRandom random) {
        TlsCrypto crypto = new JcaTlsCryptoProvider().create(random);
        return new PskTlsConnector(crypto, properties.connectTimeout(), properties.readTimeout());
    }
}

package io.openrsp.smdp.security;

import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.pki.RoleMapper;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * DESIGN.md §9: every request carries a TLS client certificate that chains to the CI (the {@code server} SSL
 * bundle's trust store and {@code server.ssl.client-auth: need} enforce that in the handshake); here the
 * certificate becomes a role through {@link RoleMapper}, and endpoints check it.
 *
 * <ul>
 *   <li>Stateless: no session, no CSRF token (a machine API authenticated per connection, no cookies).
 *   <li>{@code /actuator/health}: any role, so compose health checks use a client certificate like everyone
 *       else; the rest of {@code /actuator}: ADMIN.
 *   <li>Every other path: a role; endpoints narrow it with {@code @PreAuthorize("hasRole('OPERATOR')")}.
 *   <li>Error dispatches are permitted so a 404 stays a 404 (the original request was already authorised).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(TlsProperties.class)
class SecurityConfiguration {

    @Bean
    RoleMapper roleMapper(TlsProperties tls) throws IOException, PkiException {
        String bundle = Files.readString(tls.trustBundle(), StandardCharsets.US_ASCII);
        return RoleMapper.trusting(Pem.readCertificate(bundle));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RoleMapper roles) {
        ProblemResponses problems = new ProblemResponses();
        return http.x509(x509 -> x509.x509PrincipalExtractor(certificate ->
                                certificate.getSubjectX500Principal().getName())
                        .authenticationUserDetailsService(new CertificateRoleService(roles)))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .authenticated()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }
}

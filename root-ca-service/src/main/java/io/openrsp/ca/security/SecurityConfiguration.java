package io.openrsp.ca.security;

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
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * DESIGN.md §2 and §9 for the CI: client certificates for everything but the public CA certificate and CRL.
 * The handshake asks for a certificate ({@code server.ssl.client-auth: want}) and, when one is sent, requires
 * it to chain to the CI; here the certificate becomes a role through {@link RoleMapper}, and endpoints check it.
 *
 * <ul>
 *   <li>Without a certificate: {@code GET /ca.crt}, {@code GET /crl} (fetched by relying parties that have no
 *       certificate yet, RFC 5280 §4.2.1.13), and {@code POST /certificates}, where a service that has no
 *       certificate yet enrolls with a one-time token; the authority decides there (admin certificate or token).
 *       Deviation from "certificates for everything else": without it the token enrollment of DESIGN.md §2
 *       could not bootstrap a service.
 *   <li>Stateless: no session, no CSRF token (a machine API authenticated per connection, no cookies).
 *   <li>{@code /actuator/health}: any role, so compose health checks use a client certificate like everyone
 *       else; the rest of {@code /actuator}: ADMIN.
 *   <li>Every other path: a role; endpoints narrow it with {@code @PreAuthorize("hasRole('ADMIN')")}.
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
                        .requestMatchers(HttpMethod.GET, "/ca.crt", "/crl")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/certificates")
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

package io.openrsp.smsr.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 and DESIGN.md §3.1: the one place that writes the security layer's refusals as problem bodies
 * ({@code application/problem+json}), never a stack trace or an internal message.
 *
 * <ul>
 *   <li>No role (no client certificate, or one {@link CertificateRoleService} refused): 403, with the refusal
 *       code when there was a certificate. 403, not 401: there is no HTTP challenge a client could answer, the
 *       credential is the TLS client certificate.
 *   <li>A role, but not the one the endpoint needs: 403.
 * </ul>
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        Map<String, Object> problem = problem(request);
        if (request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof RoleRefusedException refused) {
            problem.put("detail", "The client certificate grants no role on this platform.");
            problem.put("refusal", refused.refusal().name());
        } else {
            problem.put("detail", "A client certificate issued by the CI is required.");
        }
        write(response, problem);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException cause)
            throws IOException {
        Map<String, Object> problem = problem(request);
        problem.put("detail", "The client certificate's role may not call this endpoint.");
        write(response, problem);
    }

    private static Map<String, Object> problem(HttpServletRequest request) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.FORBIDDEN.getReasonPhrase());
        problem.put("status", HttpStatus.FORBIDDEN.value());
        problem.put("instance", request.getRequestURI());
        return problem;
    }

    private static void write(HttpServletResponse response, Map<String, Object> problem) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(problem));
    }
}

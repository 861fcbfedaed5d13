package io.openrsp.ca.api;

import io.openrsp.ca.api.ApiTypes.CertificateView;
import io.openrsp.ca.api.ApiTypes.EnrollRequest;
import io.openrsp.ca.api.ApiTypes.EnrollResponse;
import io.openrsp.ca.api.ApiTypes.RevokeRequest;
import io.openrsp.ca.authority.CertificateService;
import io.openrsp.ca.authority.EnrollmentCommand;
import io.openrsp.ca.authority.EnrollmentService;
import io.openrsp.ca.store.CertificateStatus;
import io.openrsp.crypto.pki.CertificateProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN.md §2 enrollment and certificate records over HTTPS. Thin: converts and delegates.
 * {@code POST /certificates} is reachable without a client certificate (a token holder has none); the
 * authority decides there (admin certificate or token). Everything else here needs ROLE_ADMIN.
 */
@RestController
public class CertificatesController {

    private static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private static final String BEARER = "bearer ";

    private final EnrollmentService enrollment;
    private final CertificateService certificates;

    public CertificatesController(EnrollmentService enrollment, CertificateService certificates) {
        this.enrollment = enrollment;
        this.certificates = certificates;
    }

    @PostMapping("/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    public EnrollResponse enroll(@RequestBody EnrollRequest body, HttpServletRequest request) {
        return EnrollResponse.of(enrollment.enroll(new EnrollmentCommand(
                body.csr(), body.profile(), body.validity(), clientCertificate(request), bearerToken(request))));
    }

    @GetMapping("/certificates")
    @PreAuthorize("hasRole('ADMIN')")
    public List<CertificateView> list(
            @RequestParam(required = false) @Nullable CertificateStatus status,
            @RequestParam(required = false) @Nullable CertificateProfile profile) {
        return certificates.list(status, profile).stream()
                .map(CertificateView::of)
                .toList();
    }

    @GetMapping("/certificates/{serial}")
    @PreAuthorize("hasRole('ADMIN')")
    public CertificateView find(@PathVariable String serial) {
        return CertificateView.of(certificates.find(serial));
    }

    @PostMapping("/certificates/{serial}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    public CertificateView revoke(@PathVariable String serial, @RequestBody RevokeRequest body) {
        return CertificateView.of(certificates.revoke(serial, body.reason()));
    }

    private static @Nullable X509Certificate clientCertificate(HttpServletRequest request) {
        return request.getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0
                ? chain[0]
                : null;
    }

    private static @Nullable String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}

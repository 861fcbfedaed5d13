package io.openrsp.ca.api;

import io.openrsp.ca.authority.CertificateService;
import io.openrsp.ca.authority.CrlService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 5280 §4.2.1.13 / RFC 2585 publication: the CRL (DER, {@code application/pkix-crl}) at the fixed URL named
 * in every certificate's cRLDistributionPoints, and the CI certificate (PEM). Both are public.
 */
@RestController
public class PublicationController {

    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType PEM_FILE = MediaType.parseMediaType("application/x-pem-file");

    private final CrlService crls;
    private final CertificateService certificates;

    public PublicationController(CrlService crls, CertificateService certificates) {
        this.crls = crls;
        this.certificates = certificates;
    }

    @GetMapping("/crl")
    public ResponseEntity<byte[]> crl() {
        return ResponseEntity.ok().contentType(PKIX_CRL).body(crls.currentDer());
    }

    @GetMapping("/ca.crt")
    public ResponseEntity<String> caCertificate() {
        return ResponseEntity.ok().contentType(PEM_FILE).body(certificates.caCertificatePem());
    }
}

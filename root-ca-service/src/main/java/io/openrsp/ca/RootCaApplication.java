package io.openrsp.ca;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Certificate Issuer (CI): the platform's root CA, enrollment and CRLs. */
@SpringBootApplication
public class RootCaApplication {

    public static void main(String[] args) {
        SpringApplication.run(RootCaApplication.class, args);
    }
}

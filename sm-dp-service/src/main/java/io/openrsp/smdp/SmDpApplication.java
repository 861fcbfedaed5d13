package io.openrsp.smdp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** SM-DP: profile inventory, ES2 for operators, ES8 key establishment and SCP03t download. */
@SpringBootApplication
public class SmDpApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmDpApplication.class, args);
    }
}

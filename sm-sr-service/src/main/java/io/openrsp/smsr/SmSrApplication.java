package io.openrsp.smsr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** SM-SR: the EIS, ES1 registration, ES3 for SM-DPs and the ES5 admin channel to eUICCs. */
@SpringBootApplication
public class SmSrApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmSrApplication.class, args);
    }
}

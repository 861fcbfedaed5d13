package io.openrsp.euicc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Virtual eUICCs, the EUM factory that registers them, and the SMS-C that delivers push SMS. */
@SpringBootApplication
public class EuiccSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(EuiccSimulatorApplication.class, args);
    }
}

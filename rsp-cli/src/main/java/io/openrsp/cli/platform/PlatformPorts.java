package io.openrsp.cli.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DESIGN.md §8: the platform's five loopback ports, consecutive from {@code base} (8440 by default: root CA 8440, SM-DP
 * 8441, SM-SR 8442 and its ES5 PSK-TLS listener 8443, simulator 8444), and the settings that tie the services
 * together on them. The command line passes every port and peer URL explicitly, so another base works the same; the
 * rest (the {@code ./pki} files, H2 under {@code ./data/<service>}) is each service's own default, and
 * {@link PlatformProcesses} names {@code ./pki/master.key} in {@code OPENRSP_MASTER_KEY_FILE}.
 *
 * @param base the root CA's port; the others follow
 */
public record PlatformPorts(int base) {

    public static final int DEFAULT_BASE = 8440;

    /** A port and what it serves. */
    public record Port(int number, String purpose) {}

    public PlatformPorts {
        if (base < 1024 || base > 65535 - 4) {
            throw new IllegalArgumentException("the base port must be 1024 to 65531, got " + base);
        }
    }

    public static PlatformPorts defaults() {
        return new PlatformPorts(DEFAULT_BASE);
    }

    public int https(PlatformService service) {
        return switch (service) {
            case ROOT_CA -> base;
            case SM_DP -> base + 1;
            case SM_SR -> base + 2;
            case EUICC_SIMULATOR -> base + 4;
        };
    }

    /** The SM-SR's ES5 PSK-TLS port. */
    public int es5() {
        return base + 3;
    }

    /** Every port {@code service} listens on, the HTTPS one first. */
    public List<Port> of(PlatformService service) {
        List<Port> ports = new ArrayList<>();
        ports.add(new Port(https(service), "HTTPS"));
        if (service == PlatformService.SM_SR) {
            ports.add(new Port(es5(), "ES5 PSK-TLS"));
        }
        return List.copyOf(ports);
    }

    /** {@code https://127.0.0.1:<port>}. */
    public URI url(PlatformService service) {
        return URI.create("https://127.0.0.1:" + https(service));
    }

    /**
     * The settings given to {@code service} after its jar: its ports, its peers' URLs; for the root CA the import of
     * {@code ./pki}'s CI; for the SM-SR the SM-DP that receives its ES3 notifications.
     */
    public List<String> arguments(PlatformService service) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=" + https(service));
        switch (service) {
            case ROOT_CA -> {
                arguments.add("--openrsp.ca.crl-url=" + url(service).resolve("/crl"));
                arguments.add("--openrsp.ca.import-certificate=./pki/ci.crt");
                arguments.add("--openrsp.ca.import-key=./pki/ci.key");
            }
            case SM_DP -> arguments.add("--openrsp.smdp.es3.smsr-url=" + url(PlatformService.SM_SR));
            case SM_SR -> {
                arguments.add("--openrsp.es5.port=" + es5());
                arguments.add("--openrsp.smsc.url="
                        + url(PlatformService.EUICC_SIMULATOR).resolve("/smsc/mt"));
                arguments.add("--openrsp.smsr.smdp-notification-url=" + url(PlatformService.SM_DP));
            }
            case EUICC_SIMULATOR -> arguments.add("--openrsp.factory.smsr-url=" + url(PlatformService.SM_SR));
        }
        return List.copyOf(arguments);
    }

    /** Records the base in {@code file}, for {@code rsp restart}. */
    public void record(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, base + "\n", StandardCharsets.US_ASCII);
    }

    /** The base recorded in {@code file}, else the default. */
    public static PlatformPorts recorded(Path file) {
        try {
            return new PlatformPorts(Integer.parseInt(
                    Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | IllegalArgumentException e) {
            return defaults();
        }
    }
}

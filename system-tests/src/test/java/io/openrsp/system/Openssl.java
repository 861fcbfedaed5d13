package io.openrsp.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code openssl s_client} as an outside PSK-TLS client, the way the README shows it. */
final class Openssl {

    private Openssl() {}

    /** Whether an {@code openssl} binary is on the PATH. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("openssl", "version")
                    .redirectErrorStream(true)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code openssl s_client -tls1_2 -psk <psk> -psk_identity <identity> -cipher <cipher>} to 127.0.0.1:port, writing
     * {@code input} once connected; returns everything openssl printed.
     */
    static String sClient(int port, String identity, String pskHex, String cipher, String input)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "openssl", "s_client", "-tls1_2", "-psk", pskHex, "-psk_identity", identity, "-cipher", cipher));
        command.addAll(List.of("-connect", "127.0.0.1:" + port, "-ign_eof"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl s_client did not end within 30 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

package io.openrsp.euicc.card;

import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 §2.3 and DESIGN.md §2: the CI certificate the cards' ISD-Ps trust for CERT.DP.ECDSA, read from
 * {@code openrsp.cards.ci-certificate} when the first ES8 key establishment needs it (like the factory's EUM files),
 * so a simulator without a PKI still starts. A failed read is not remembered: fixing the file needs no restart.
 * Thread-safe.
 */
final class CiTrust {

    static final String SETTING = "openrsp.cards.ci-certificate";

    private final Path file;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile @Nullable CertificatePaths paths;

    CiTrust(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The path validator trusting the CI.
     *
     * @throws IllegalStateException naming {@value #SETTING} if the file cannot be read or holds no CI certificate
     */
    CertificatePaths paths() {
        CertificatePaths loaded = paths;
        if (loaded == null) {
            synchronized (lock) {
                loaded = paths;
                if (loaded == null) {
                    loaded = load();
                    paths = loaded;
                }
            }
        }
        return loaded;
    }

    private CertificatePaths load() {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            return CertificatePaths.trusting(Pem.readCertificate(pem), clock);
        } catch (IOException | PkiException e) {
            throw new IllegalStateException(
                    SETTING + ": cannot use " + file + " as the CI certificate (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "CiTrust[" + file + "]";
    }
}

package io.openrsp.crypto.scp80;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * ETSI TS 102 225 §5.2: a verified response packet (PoR): its status and the additional response data (for a
 * remote APDU script in compact format: number of executed commands and the last status word, TS 102 226).
 */
public record Scp80ProofOfReceipt(PorStatus status, byte[] responseData) {

    public Scp80ProofOfReceipt {
        Objects.requireNonNull(status, "status");
        responseData = responseData.clone();
    }

    @Override
    public byte[] responseData() {
        return responseData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scp80ProofOfReceipt por
                && por.status == status
                && Arrays.equals(por.responseData, responseData);
    }

    @Override
    public int hashCode() {
        return 31 * status.hashCode() + Arrays.hashCode(responseData);
    }

    @Override
    public String toString() {
        return "Scp80ProofOfReceipt[" + status + ", " + HexFormat.of().formatHex(responseData) + "]";
    }
}

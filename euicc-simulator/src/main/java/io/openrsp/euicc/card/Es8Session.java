package io.openrsp.euicc.card;

import io.openrsp.crypto.scp03.Scp03tCard;
import io.openrsp.rsp.es8.CardKeyEstablishment;
import io.openrsp.rsp.es8.StoreDataAssembler;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §4 steps 3 and 4: what one ISD-P holds in memory between the STORE DATA blocks of an ES8 exchange: the
 * reassembly of the current sequence, a key establishment between {@code 3A01} and {@code 3A02}, and an SCP03t download
 * in progress with the plaintext received so far. Nothing here is ever persisted: a download either completes and is
 * installed in one transaction, or this state is dropped. Not thread-safe; used under the card's lock.
 */
final class Es8Session {

    private final StoreDataAssembler assembler = new StoreDataAssembler();
    private @Nullable CardKeyEstablishment keyEstablishment;
    private @Nullable Scp03tCard download;
    private byte[] plaintext = new byte[0];
    private int received;
    private long limit;
    private Instant lastAccess;

    Es8Session(Instant now) {
        this.lastAccess = Objects.requireNonNull(now, "now");
    }

    StoreDataAssembler assembler() {
        return assembler;
    }

    @Nullable
    CardKeyEstablishment keyEstablishment() {
        return keyEstablishment;
    }

    void keyEstablishment(@Nullable CardKeyEstablishment next) {
        keyEstablishment = next;
    }

    @Nullable
    Scp03tCard download() {
        return download;
    }

    /** Starts buffering a download of at most {@code maxBytes} plaintext bytes, dropping any earlier one. */
    void startDownload(Scp03tCard card, long maxBytes) {
        dropDownload();
        download = Objects.requireNonNull(card, "card");
        limit = maxBytes;
    }

    /** @return false (and nothing appended) if {@code segment} would take the plaintext beyond the limit */
    boolean append(byte[] segment) {
        if (received + (long) segment.length > limit) {
            return false;
        }
        if (received + segment.length > plaintext.length) {
            byte[] grown = Arrays.copyOf(plaintext, (int)
                    Math.min(limit, Math.max(2L * plaintext.length, received + (long) segment.length)));
            Arrays.fill(plaintext, (byte) 0);
            plaintext = grown;
        }
        System.arraycopy(segment, 0, plaintext, received, segment.length);
        received += segment.length;
        return true;
    }

    /** A copy of the plaintext received so far (the caller wipes it). */
    byte[] plaintext() {
        return Arrays.copyOf(plaintext, received);
    }

    /** Forgets the download and wipes its plaintext (which holds K and OPc). */
    void dropDownload() {
        download = null;
        Arrays.fill(plaintext, (byte) 0);
        plaintext = new byte[0];
        received = 0;
        limit = 0;
    }

    /** Forgets everything: the sequence, a key establishment, a download. */
    void drop() {
        assembler.reset();
        keyEstablishment = null;
        dropDownload();
    }

    Instant lastAccess() {
        return lastAccess;
    }

    void touch(Instant now) {
        lastAccess = now;
    }

    @Override
    public String toString() {
        return "Es8Session[keyEstablishment=" + (keyEstablishment != null) + ", download=" + (download != null)
                + ", received=" + received + "]";
    }
}

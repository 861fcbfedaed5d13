package io.openrsp.crypto.scp80;

import java.util.Arrays;
import java.util.Objects;

/**
 * ETSI TS 102 225 §5.1 command packet, receiving entity (the card's ISD-R taking the push SMS, DESIGN.md §3.2);
 * the layout is in {@link Scp80Sender}. Checks, in this order, each failure an {@link Scp80Exception} with its
 * PoR status:
 *
 * <ol>
 *   <li>structure (CPL, CHL = 15) and SPI coding: {@code UNIDENTIFIED_SECURITY_ERROR};
 *   <li>the {@link Scp80Policy} (CC always; ciphering and counter mode as demanded):
 *       {@code INSUFFICIENT_SECURITY_LEVEL};
 *   <li>KIc and KID name this key set with algorithm AES: {@code UNIDENTIFIED_SECURITY_ERROR};
 *   <li>the ciphertext is whole AES blocks: {@code CIPHERING_ERROR};
 *   <li>the CC, in constant time, before any decrypted field is used: {@code CHECKSUM_FAILED};
 *   <li>the counter as SPI1 b5b4 asks (higher, or exactly one higher, than the last accepted):
 *       {@code COUNTER_LOW}, {@code COUNTER_HIGH}, {@code COUNTER_BLOCKED}.
 * </ol>
 *
 * <p>Deviation from "check the MAC before decrypting": TS 102 225 puts the CC inside the ciphered part
 * (MAC-then-encrypt), so the receiver must decrypt first; it then verifies the CC before it looks at counter,
 * padding or data, and a wrong key, a tampered ciphertext and a wrong CC all fail the same way. A rejected
 * packet changes nothing: the receiver stays usable (a forged SMS must not lock the card). Persist
 * {@link #counterState()} after each accepted packet. Not thread-safe.
 */
public final class Scp80Receiver {

    /** CPL (2) || CHL (1) || SPI (2) || KIc || KID || TAR (3): the part in clear. */
    private static final int HEADER = 2 + 1 + 2 + 1 + 1 + 3;

    private static final int SECURED_HEADER = 5 + 1 + Scp80Crypto.CC_LENGTH;

    private final Scp80KeySet keys;
    private final Scp80Crypto crypto;
    private final Scp80Policy policy;
    private long lastCounter;

    private Scp80Receiver(Scp80KeySet keys, long lastCounter, Scp80Policy policy) {
        this.keys = keys;
        this.crypto = new Scp80Crypto(keys);
        this.policy = policy;
        this.lastCounter = lastCounter;
    }

    /** A receiver whose last accepted counter is {@code lastAccepted}. */
    public static Scp80Receiver create(Scp80KeySet keys, Scp80CounterState lastAccepted, Scp80Policy policy) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(policy, "policy");
        return new Scp80Receiver(keys, lastAccepted.last(), policy);
    }

    /** The counter state to persist. */
    public Scp80CounterState counterState() {
        return Scp80CounterState.of(lastCounter);
    }

    /**
     * Verifies a command packet ({@code CPL} first, SMS user data header removed) and returns its secured data.
     *
     * @throws Scp80Exception naming the failed check and its PoR status
     */
    public Scp80ReceivedPacket receive(byte[] packet) throws Scp80Exception {
        if (packet == null
                || packet.length < HEADER + SECURED_HEADER
                || ((packet[0] & 0xFF) << 8 | (packet[1] & 0xFF)) != packet.length - 2
                || (packet[2] & 0xFF) != Scp80Sender.CHL) {
            throw new Scp80Exception(PorStatus.UNIDENTIFIED_SECURITY_ERROR, "SCP80 command packet malformed");
        }
        Scp80Spi spi = spi(packet[3] & 0xFF, packet[4] & 0xFF);
        checkPolicy(spi);
        int keyIdentifier = keys.keyIdentifierByte();
        if ((spi.ciphering() && (packet[5] & 0xFF) != keyIdentifier) || (packet[6] & 0xFF) != keyIdentifier) {
            throw new Scp80Exception(
                    PorStatus.UNIDENTIFIED_SECURITY_ERROR, "SCP80 KIc/KID do not name this key set with AES");
        }
        Tar tar = Tar.fromBytes(packet, 7);
        byte[] header = Arrays.copyOf(packet, HEADER);
        byte[] secured = Arrays.copyOfRange(packet, HEADER, packet.length);
        if (spi.ciphering()) {
            if (secured.length % Scp80Crypto.BLOCK != 0) {
                throw new Scp80Exception(PorStatus.CIPHERING_ERROR, "SCP80 ciphertext not whole AES blocks");
            }
            secured = crypto.decrypt(secured);
        }
        byte[] counterAndPcntr = Arrays.copyOf(secured, 6);
        byte[] cc = Arrays.copyOfRange(secured, 6, SECURED_HEADER);
        byte[] padded = Arrays.copyOfRange(secured, SECURED_HEADER, secured.length);
        if (!crypto.checksumMatches(cc, header, counterAndPcntr, padded)) {
            throw new Scp80Exception(PorStatus.CHECKSUM_FAILED, "SCP80 cryptographic checksum verification failed");
        }
        int pcntr = secured[5] & 0xFF;
        if (pcntr > padded.length) {
            throw new Scp80Exception(PorStatus.CIPHERING_ERROR, "SCP80 padding counter invalid");
        }
        long counter = Scp80CounterState.fromCounterBytes(secured, 0);
        checkCounter(spi.counterMode(), counter);
        if (spi.counterMode() != Scp80Spi.CounterMode.NO_COUNTER && counter > lastCounter) {
            lastCounter = counter;
        }
        return new Scp80ReceivedPacket(spi, tar, Arrays.copyOf(padded, padded.length - pcntr), counter);
    }

    /**
     * The PoR for {@code packet} ({@code 02 71 00} user data header first), secured as its SPI2 asks, echoing its
     * counter. Whether one is due (SPI2 b2b1) is the caller's decision.
     */
    public byte[] proofOfReceipt(Scp80ReceivedPacket packet, PorStatus status, byte[] responseData) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(responseData, "responseData");
        return ResponsePacket.build(crypto, packet.spi(), packet.tar(), packet.counter(), status, responseData);
    }

    private static Scp80Spi spi(int first, int second) throws Scp80Exception {
        try {
            return new Scp80Spi(first, second);
        } catch (IllegalArgumentException e) {
            throw new Scp80Exception(PorStatus.UNIDENTIFIED_SECURITY_ERROR, "SCP80 SPI uses reserved values");
        }
    }

    private void checkPolicy(Scp80Spi spi) throws Scp80Exception {
        if (spi.integrity() != Scp80Spi.Integrity.CRYPTOGRAPHIC_CHECKSUM
                || (policy.cipheringRequired() && !spi.ciphering())
                || spi.counterMode().compareTo(policy.minimumCounterMode()) < 0
                || spi.porIntegrity() == Scp80Spi.Integrity.REDUNDANCY_CHECK
                || spi.porIntegrity() == Scp80Spi.Integrity.DIGITAL_SIGNATURE) {
            throw new Scp80Exception(
                    PorStatus.INSUFFICIENT_SECURITY_LEVEL, "SCP80 SPI below the minimum security level");
        }
    }

    private void checkCounter(Scp80Spi.CounterMode mode, long counter) throws Scp80Exception {
        if (mode == Scp80Spi.CounterMode.NO_COUNTER || mode == Scp80Spi.CounterMode.COUNTER_NO_CHECK) {
            return;
        }
        if (lastCounter >= Scp80CounterState.MAX) {
            throw new Scp80Exception(PorStatus.COUNTER_BLOCKED, "SCP80 counter blocked");
        }
        if (counter <= lastCounter) {
            throw new Scp80Exception(PorStatus.COUNTER_LOW, "SCP80 counter not higher than the last accepted");
        }
        if (mode == Scp80Spi.CounterMode.COUNTER_ONE_HIGHER && counter != lastCounter + 1) {
            throw new Scp80Exception(PorStatus.COUNTER_HIGH, "SCP80 counter more than one higher than the last");
        }
    }

    @Override
    public String toString() {
        return "Scp80Receiver[kvn=" + keys.kvn() + ", keys redacted]";
    }
}

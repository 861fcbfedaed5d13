package io.openrsp.euicc.smsc;

import io.openrsp.rsp.id.Eid;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §3.2 step 1: a mobile-terminated SMS as the SM-SR submits it to the SMS-C: the card's EID and the
 * user data, here a whole ETSI TS 102 225 command packet in hex (one HTTP POST carries what a network would
 * send as concatenated SMS).
 *
 * @param eid the destination card's EID, 32 digits
 * @param userData the command packet, hex
 */
public record MtSms(@Nullable String eid, @Nullable String userData) {

    /** The largest packet accepted: a trigger is about 200 bytes; a concatenated SMS holds at most 255 × 134. */
    public static final int MAX_USER_DATA_BYTES = 255 * 134;

    /**
     * The validated message.
     *
     * @throws MalformedSmsException naming the element at fault
     */
    public Submission validate() {
        if (eid == null) {
            throw new MalformedSmsException("eid", "is missing");
        }
        Eid destination;
        try {
            destination = Eid.of(eid);
        } catch (IllegalArgumentException e) {
            throw new MalformedSmsException("eid", "is not 32 digits with valid check digits");
        }
        if (userData == null || userData.isEmpty()) {
            throw new MalformedSmsException("userData", "is missing");
        }
        if (userData.length() % 2 != 0 || userData.length() / 2 > MAX_USER_DATA_BYTES) {
            throw new MalformedSmsException("userData", "must be whole bytes, at most " + MAX_USER_DATA_BYTES);
        }
        byte[] packet;
        try {
            packet = HexFormat.of().parseHex(userData);
        } catch (IllegalArgumentException e) {
            throw new MalformedSmsException("userData", "is not hex");
        }
        return new Submission(destination, packet);
    }

    /**
     * A validated message.
     *
     * @param eid the destination
     * @param commandPacket the user data bytes (copied in and out)
     */
    public record Submission(Eid eid, byte[] commandPacket) {

        public Submission {
            Objects.requireNonNull(eid, "eid");
            commandPacket = commandPacket.clone();
        }

        @Override
        public byte[] commandPacket() {
            return commandPacket.clone();
        }

        @Override
        public String toString() {
            return "Submission[eid=" + eid + ", " + commandPacket.length + " bytes]";
        }
    }
}

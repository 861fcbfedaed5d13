package io.openrsp.rsp.es5;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.tlv.Tag;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvException;
import io.openrsp.rsp.tlv.TlvReader;
import io.openrsp.rsp.tlv.TlvWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GSMA SGP.02 v4.2 §4.1.1 (as DESIGN.md §3.3 gives it): a notification the card sends at the start of an
 * admin session, and the SM-SR confirms with {@link IsdRCommands#confirmNotification(int)}:
 *
 * <pre>
 *   E1 L { 4C 10 &lt;EID, BCD&gt;  4D 01 &lt;type&gt;  [4F L &lt;ISD-P AID&gt;]  4E 02 &lt;sequence number&gt; }
 * </pre>
 *
 * <p>Decoding is strict: these tags in this order with these lengths, a valid EID, a known type, nothing
 * else; a failure raises {@link NotificationFormatException}.
 *
 * @param eid the card
 * @param type what happened
 * @param isdp the ISD-P concerned (absent for the eUICC declaration)
 * @param sequenceNumber 0..FFFF, the number the confirmation names
 */
public record Notification(Eid eid, NotificationType type, Optional<Aid> isdp, int sequenceNumber) {

    /** Largest sequence number (two bytes). */
    public static final int MAX_SEQUENCE_NUMBER = 0xFFFF;

    static final Tag TEMPLATE = Tag.of(0xE1);
    static final Tag EID = Tag.of(0x4C);
    static final Tag TYPE = Tag.of(0x4D);
    static final Tag AID = Tag.of(0x4F);
    static final Tag SEQUENCE_NUMBER = Tag.of(0x4E);

    /** @throws IllegalArgumentException if the sequence number is not two bytes */
    public Notification {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(isdp, "isdp");
        if (sequenceNumber < 0 || sequenceNumber > MAX_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("sequence number must be 0..FFFF, got " + sequenceNumber);
        }
    }

    /** The {@code E1} template. */
    public byte[] encode() {
        TlvWriter writer = new TlvWriter()
                .beginDefinite(TEMPLATE)
                .write(EID, eid.toBytes())
                .write(TYPE, new byte[] {(byte) type.value()});
        isdp.ifPresent(aid -> writer.write(AID, aid.bytes()));
        return writer.write(SEQUENCE_NUMBER, new byte[] {(byte) (sequenceNumber >>> 8), (byte) sequenceNumber})
                .end()
                .toByteArray();
    }

    /** Concatenated {@code E1} templates, as the body of the card's first admin request carries them. */
    public static byte[] encodeAll(List<Notification> notifications) {
        TlvWriter writer = new TlvWriter();
        for (Notification notification : notifications) {
            writer.write(TlvReader.readSingle(notification.encode()));
        }
        return writer.toByteArray();
    }

    /**
     * Reads zero or more concatenated {@code E1} templates (an empty input gives an empty list).
     *
     * @throws NotificationFormatException if the bytes are anything else
     */
    public static List<Notification> decodeAll(byte[] data) {
        Objects.requireNonNull(data, "data");
        List<Notification> out = new ArrayList<>();
        try {
            for (Tlv template : TlvReader.readAll(data)) {
                out.add(decodeTemplate(template));
            }
        } catch (TlvException e) {
            throw new NotificationFormatException("not BER-TLV (" + e.reason() + ")", e.offset(), e);
        }
        return List.copyOf(out);
    }

    private static Notification decodeTemplate(Tlv template) {
        if (!template.tag().equals(TEMPLATE)) {
            throw new NotificationFormatException("expected E1, got " + template.tag(), template.offset());
        }
        List<Tlv> children = template.children();
        int end = template.offset() + template.encodedLength();
        Tlv eidTlv = expect(children, 0, EID, end);
        Tlv typeTlv = expect(children, 1, TYPE, end);
        int next = 2;
        Optional<Aid> isdp = Optional.empty();
        if (children.size() > next && children.get(next).tag().equals(AID)) {
            Tlv aid = children.get(next++);
            if (aid.length() < Aid.MIN_LENGTH || aid.length() > Aid.MAX_LENGTH) {
                throw new NotificationFormatException("4F of " + aid.length() + " bytes", aid.offset());
            }
            isdp = Optional.of(Aid.of(aid.value()));
        }
        Tlv seqTlv = expect(children, next, SEQUENCE_NUMBER, end);
        if (children.size() > next + 1) {
            Tlv extra = children.get(next + 1);
            throw new NotificationFormatException("unexpected tag " + extra.tag(), extra.offset());
        }
        length(eidTlv, Eid.DIGITS / 2);
        length(typeTlv, 1);
        length(seqTlv, 2);
        Eid eid;
        try {
            eid = Eid.fromBytes(eidTlv.value());
        } catch (IllegalArgumentException e) {
            throw new NotificationFormatException("4C is not a valid EID", eidTlv.valueOffset(), e);
        }
        NotificationType type;
        try {
            type = NotificationType.of(typeTlv.valueByte(0));
        } catch (IllegalArgumentException e) {
            throw new NotificationFormatException("unknown notification type", typeTlv.valueOffset(), e);
        }
        return new Notification(eid, type, isdp, seqTlv.valueByte(0) << 8 | seqTlv.valueByte(1));
    }

    private static Tlv expect(List<Tlv> children, int index, Tag tag, int end) {
        if (index >= children.size()) {
            throw new NotificationFormatException("missing " + tag, end);
        }
        Tlv child = children.get(index);
        if (!child.tag().equals(tag)) {
            throw new NotificationFormatException("expected " + tag + ", got " + child.tag(), child.offset());
        }
        return child;
    }

    private static void length(Tlv tlv, int expected) {
        if (tlv.length() != expected) {
            throw new NotificationFormatException(
                    tlv.tag() + " of " + tlv.length() + " bytes, expected " + expected, tlv.offset());
        }
    }
}

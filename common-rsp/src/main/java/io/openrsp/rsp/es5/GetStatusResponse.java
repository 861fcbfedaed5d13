package io.openrsp.rsp.es5;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.tlv.Tag;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvException;
import io.openrsp.rsp.tlv.TlvReader;
import io.openrsp.rsp.tlv.TlvWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * GlobalPlatform Card Specification v2.3 §11.4.3 GET STATUS response, P2 {@code 02} (TLV), as GSMA SGP.02
 * v4.2 §4.1.1 and DESIGN.md §3.3 use it for ISD-Ps: one {@code E3} template per ISD-P,
 *
 * <pre>
 *   E3 L { 4F L &lt;ISD-P AID&gt;  9F70 01 &lt;life-cycle&gt;  53 01 &lt;fall-back: 01 set, 00 not&gt; }
 * </pre>
 *
 * <p>Decoding needs {@code 4F} and {@code 9F70}, treats an absent {@code 53} as "no fall-back", and skips other
 * tags inside {@code E3} (a card may add privileges {@code C5} and the like); anything else raises {@link
 * Es5FormatException}. An empty response (no ISD-P) is an empty list.
 */
public final class GetStatusResponse {

    static final Tag ENTRY = Tag.of(0xE3);
    static final Tag AID = Tag.of(0x4F);
    static final Tag LIFE_CYCLE = Tag.of(0x9F70);
    static final Tag FALLBACK = Tag.of(0x53);

    private GetStatusResponse() {}

    /** The response data for these ISD-Ps, in order. */
    public static byte[] encode(List<IsdpStatus> statuses) {
        TlvWriter writer = new TlvWriter();
        for (IsdpStatus status : statuses) {
            writer.beginDefinite(ENTRY)
                    .write(AID, status.aid().bytes())
                    .write(LIFE_CYCLE, new byte[] {(byte) status.lifeCycle().value()})
                    .write(FALLBACK, new byte[] {(byte) (status.fallback() ? 1 : 0)})
                    .end();
        }
        return writer.toByteArray();
    }

    /**
     * Reads the response data of GET STATUS.
     *
     * @throws Es5FormatException if the data is not a sequence of well-formed {@code E3} templates
     */
    public static List<IsdpStatus> decode(byte[] data) {
        List<IsdpStatus> out = new ArrayList<>();
        try {
            for (Tlv entry : TlvReader.readAll(data)) {
                if (!entry.tag().equals(ENTRY)) {
                    throw new Es5FormatException("expected E3, got " + entry.tag(), entry.offset());
                }
                out.add(entry(entry));
            }
        } catch (TlvException e) {
            throw new Es5FormatException("not BER-TLV (" + e.reason() + ")", e.offset(), e);
        }
        return List.copyOf(out);
    }

    private static IsdpStatus entry(Tlv entry) {
        Tlv aid = null;
        Tlv lifeCycle = null;
        Tlv fallback = null;
        for (Tlv child : entry.children()) {
            if (child.tag().equals(AID)) {
                aid = once(aid, child);
            } else if (child.tag().equals(LIFE_CYCLE)) {
                lifeCycle = once(lifeCycle, child);
            } else if (child.tag().equals(FALLBACK)) {
                fallback = once(fallback, child);
            }
        }
        if (aid == null || lifeCycle == null) {
            throw new Es5FormatException("E3 without " + (aid == null ? "4F" : "9F70"), entry.offset());
        }
        if (aid.length() < Aid.MIN_LENGTH || aid.length() > Aid.MAX_LENGTH) {
            throw new Es5FormatException("AID of " + aid.length() + " bytes", aid.offset());
        }
        if (lifeCycle.length() != 1) {
            throw new Es5FormatException("9F70 of " + lifeCycle.length() + " bytes", lifeCycle.offset());
        }
        LifeCycle state;
        try {
            state = LifeCycle.of(lifeCycle.valueByte(0));
        } catch (IllegalArgumentException e) {
            throw new Es5FormatException("unknown life-cycle state", lifeCycle.valueOffset(), e);
        }
        boolean fallbackSet = false;
        if (fallback != null) {
            if (fallback.length() != 1 || fallback.valueByte(0) > 1) {
                throw new Es5FormatException("53 is not 00 or 01", fallback.offset());
            }
            fallbackSet = fallback.valueByte(0) == 1;
        }
        return new IsdpStatus(Aid.of(aid.value()), state, fallbackSet);
    }

    private static Tlv once(Tlv seen, Tlv child) {
        if (seen != null) {
            throw new Es5FormatException("tag " + child.tag() + " twice", child.offset());
        }
        return child;
    }
}

package io.openrsp.rsp.script;

import io.openrsp.rsp.apdu.ApduException;
import io.openrsp.rsp.script.ScriptException.Reason;
import io.openrsp.rsp.tlv.Tag;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvException;
import io.openrsp.rsp.tlv.TlvReader;
import io.openrsp.rsp.tlv.TlvWriter;

/**
 * ETSI TS 102 226 §5.2 and ETSI TS 101 220 (tag allocation): the tags of the expanded format in one place,
 * and the template handling the command and response scripts share.
 */
final class ScriptCodec {

    static final Tag COMMAND_TEMPLATE_DEFINITE = Tag.of(0xAA);
    static final Tag COMMAND_TEMPLATE_INDEFINITE = Tag.of(0xAE);
    static final Tag RESPONSE_TEMPLATE_DEFINITE = Tag.of(0xAB);
    static final Tag RESPONSE_TEMPLATE_INDEFINITE = Tag.of(0xAF);
    static final Tag C_APDU = Tag.of(0x22);
    static final Tag R_APDU = Tag.of(0x23);
    static final Tag EXECUTED_COUNT = Tag.of(0x80);

    private ScriptCodec() {}

    /**
     * Reads the single template TLV and parses its children (so that {@link Tlv#children()} cannot fail
     * afterwards), turning TLV errors into script errors.
     */
    static Tlv readTemplate(byte[] script, Tag definiteTag, Tag indefiniteTag) {
        try {
            Tlv template = TlvReader.readSingle(script);
            boolean indefinite = template.tag().equals(indefiniteTag);
            if (!indefinite && !template.tag().equals(definiteTag)) {
                throw new ScriptException(Reason.UNEXPECTED_TEMPLATE, template.offset());
            }
            if (indefinite != template.isIndefiniteLength()) {
                throw new ScriptException(
                        Reason.TEMPLATE_FORM_MISMATCH,
                        template.offset() + template.tag().size());
            }
            template.children();
            return template;
        } catch (TlvException e) {
            throw new ScriptException(Reason.MALFORMED_TLV, e.offset(), e);
        }
    }

    /** Checks that {@code child} is a definite-length TLV with {@code tag}. */
    static void requireTag(Tlv child, Tag tag) {
        if (!child.tag().equals(tag) || child.isIndefiniteLength()) {
            throw new ScriptException(Reason.UNEXPECTED_TAG, child.offset());
        }
    }

    static ScriptException apduError(Reason reason, Tlv child, ApduException e) {
        return new ScriptException(reason, e.offset() + child.valueOffset(), e);
    }

    static TlvWriter open(ScriptForm form, Tag definiteTag, Tag indefiniteTag) {
        TlvWriter writer = new TlvWriter();
        return form == ScriptForm.INDEFINITE
                ? writer.beginIndefinite(indefiniteTag)
                : writer.beginDefinite(definiteTag);
    }
}

package io.openrsp.rsp.script;

import static io.openrsp.rsp.script.ScriptCodec.EXECUTED_COUNT;
import static io.openrsp.rsp.script.ScriptCodec.RESPONSE_TEMPLATE_DEFINITE;
import static io.openrsp.rsp.script.ScriptCodec.RESPONSE_TEMPLATE_INDEFINITE;
import static io.openrsp.rsp.script.ScriptCodec.R_APDU;

import io.openrsp.rsp.apdu.ApduException;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.script.ScriptException.Reason;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * ETSI TS 102 226 §5.2.2, expanded format: a response script {@code AF 80 {80 01 n} {23 L R-APDU}... 00 00}
 * (or {@code AB L ...}), n being the number of executed commands. Execution stops at the first failing
 * command, so the R-APDUs are those of the commands up to and including the one that failed.
 *
 * <p>This platform's choices: the card reports one R-APDU per executed command, so decoding requires n to
 * equal the number of {@code 23} TLVs (and n fits one byte); Bad Format and Immediate/Error Action response
 * TLVs are not supported and are rejected as {@link ScriptException.Reason#UNEXPECTED_TAG}.
 */
public record ResponseScript(List<ResponseApdu> responses) {

    /** n is coded on one byte. */
    public static final int MAX_RESPONSES = 255;

    public ResponseScript {
        responses = List.copyOf(responses);
        if (responses.size() > MAX_RESPONSES) {
            throw new IllegalArgumentException("more than " + MAX_RESPONSES + " responses: " + responses.size());
        }
    }

    public static ResponseScript of(ResponseApdu... responses) {
        return new ResponseScript(List.of(responses));
    }

    /** Number of commands the card executed (the value of {@code 80}). */
    public int executedCommands() {
        return responses.size();
    }

    /** The status word of the last executed command; empty for an empty script. */
    public Optional<StatusWord> lastStatusWord() {
        return responses.isEmpty()
                ? Optional.empty()
                : Optional.of(responses.getLast().statusWord());
    }

    /** Whether every executed command ended with {@link StatusWord#isSuccess()} (vacuously true when empty). */
    public boolean allSucceeded() {
        return firstFailureIndex().isEmpty();
    }

    /** Index of the first response that is not a success (a warning counts as not a success). */
    public OptionalInt firstFailureIndex() {
        for (int i = 0; i < responses.size(); i++) {
            if (!responses.get(i).isSuccess()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Whether this response shows every command of {@code script} executed with success. */
    public boolean completes(CommandScript script) {
        return responses.size() == script.size() && allSucceeded();
    }

    public byte[] encode(ScriptForm form) {
        TlvWriter writer = ScriptCodec.open(form, RESPONSE_TEMPLATE_DEFINITE, RESPONSE_TEMPLATE_INDEFINITE);
        writer.write(EXECUTED_COUNT, new byte[] {(byte) responses.size()});
        for (ResponseApdu response : responses) {
            writer.write(R_APDU, response.encode());
        }
        return writer.end().toByteArray();
    }

    /**
     * Decodes either form.
     *
     * @throws ScriptException if {@code script} is not exactly one well-formed response script
     */
    public static ResponseScript decode(byte[] script) {
        Tlv template = ScriptCodec.readTemplate(script, RESPONSE_TEMPLATE_DEFINITE, RESPONSE_TEMPLATE_INDEFINITE);
        List<Tlv> children = template.children();
        if (children.isEmpty() || !children.getFirst().tag().equals(EXECUTED_COUNT)) {
            int at = children.isEmpty()
                    ? template.valueOffset()
                    : children.getFirst().offset();
            throw new ScriptException(Reason.MISSING_EXECUTED_COUNT, at);
        }
        Tlv count = children.getFirst();
        if (count.length() != 1) {
            throw new ScriptException(Reason.INVALID_EXECUTED_COUNT, count.offset() + 1);
        }
        List<ResponseApdu> responses = new ArrayList<>(children.size() - 1);
        for (Tlv child : children.subList(1, children.size())) {
            ScriptCodec.requireTag(child, R_APDU);
            try {
                responses.add(ResponseApdu.parse(child.value()));
            } catch (ApduException e) {
                throw ScriptCodec.apduError(Reason.MALFORMED_RESPONSE_APDU, child, e);
            }
        }
        if (count.valueByte(0) != responses.size()) {
            throw new ScriptException(Reason.EXECUTED_COUNT_MISMATCH, count.valueOffset());
        }
        return new ResponseScript(responses);
    }
}

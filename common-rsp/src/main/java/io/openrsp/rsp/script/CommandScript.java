package io.openrsp.rsp.script;

import static io.openrsp.rsp.script.ScriptCodec.COMMAND_TEMPLATE_DEFINITE;
import static io.openrsp.rsp.script.ScriptCodec.COMMAND_TEMPLATE_INDEFINITE;
import static io.openrsp.rsp.script.ScriptCodec.C_APDU;

import io.openrsp.rsp.apdu.ApduException;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.script.ScriptException.Reason;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * ETSI TS 102 226 §5.2.1, expanded format: a command script, the C-APDUs in order, each as {@code 22 L
 * C-APDU}, inside the command scripting template {@code AE 80 ... 00 00} (indefinite) or {@code AA L ...}
 * (definite).
 *
 * <p>Deviation: the optional Immediate Action, Error Action and Script Chaining TLVs are not supported;
 * decoding rejects them as {@link ScriptException.Reason#UNEXPECTED_TAG}.
 */
public record CommandScript(List<CommandApdu> commands) {

    public CommandScript {
        commands = List.copyOf(commands);
    }

    public static CommandScript of(CommandApdu... commands) {
        return new CommandScript(List.of(commands));
    }

    public int size() {
        return commands.size();
    }

    public byte[] encode(ScriptForm form) {
        TlvWriter writer = ScriptCodec.open(form, COMMAND_TEMPLATE_DEFINITE, COMMAND_TEMPLATE_INDEFINITE);
        for (CommandApdu command : commands) {
            writer.write(C_APDU, command.encode());
        }
        return writer.end().toByteArray();
    }

    /**
     * Decodes either form.
     *
     * @throws ScriptException if {@code script} is not exactly one well-formed command script
     */
    public static CommandScript decode(byte[] script) {
        List<Tlv> children = ScriptCodec.readTemplate(script, COMMAND_TEMPLATE_DEFINITE, COMMAND_TEMPLATE_INDEFINITE)
                .children();
        List<CommandApdu> commands = new ArrayList<>(children.size());
        for (Tlv child : children) {
            ScriptCodec.requireTag(child, C_APDU);
            try {
                commands.add(CommandApdu.parse(child.value()));
            } catch (ApduException e) {
                throw ScriptCodec.apduError(Reason.MALFORMED_COMMAND_APDU, child, e);
            }
        }
        return new CommandScript(commands);
    }
}

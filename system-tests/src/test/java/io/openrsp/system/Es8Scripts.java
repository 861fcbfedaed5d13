package io.openrsp.system;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.es8.Es8FormatException;
import io.openrsp.rsp.es8.Es8StoreData;
import io.openrsp.rsp.es8.Es8Tags;
import io.openrsp.rsp.es8.StoreDataAssembler;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptForm;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The ES8 traffic inside ES3 {@code SendData} as a tampering test reads and rewrites it: {@code data} is the hex of an
 * expanded command script of STORE DATA blocks carrying whole TLVs ({@code 3A01}, {@code 3A02}, {@code 84}, {@code
 * 85}, {@code 86}); {@code euiccResponseData} is the hex of the card's response script. Rewritten scripts keep the
 * form (definite or indefinite) of the original.
 */
final class Es8Scripts {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Es8Scripts() {}

    /** The TLVs the STORE DATA blocks of {@code dataHex} carry, in order. */
    static List<byte[]> tlvs(String dataHex) throws Es8FormatException {
        StoreDataAssembler assembler = new StoreDataAssembler();
        List<byte[]> tlvs = new ArrayList<>();
        for (CommandApdu command : CommandScript.decode(HEX.parseHex(dataHex)).commands()) {
            tlvs.addAll(assembler.accept(command));
        }
        return tlvs;
    }

    /** {@code dataHex} re-cut as one STORE DATA sequence carrying {@code tlvs}. */
    static String withTlvs(String dataHex, List<byte[]> tlvs) {
        return HEX.formatHex(new CommandScript(Es8StoreData.sequence(tlvs)).encode(formOf(dataHex)));
    }

    /**
     * {@code dataHex} re-cut as one STORE DATA sequence of exactly {@code blocks} blocks (of about equal size)
     * carrying {@code tlvs}: a shortened stream that keeps the command count, so the host's answer check sees every
     * command answered and looks for the card's {@code 87}.
     */
    static String withTlvs(String dataHex, List<byte[]> tlvs, int blocks) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        tlvs.forEach(stream::writeBytes);
        byte[] bytes = stream.toByteArray();
        if (blocks < 1 || bytes.length < blocks || bytes.length > blocks * Es8StoreData.BLOCK_SIZE) {
            throw new IllegalArgumentException(bytes.length + " bytes do not fit " + blocks + " blocks");
        }
        List<CommandApdu> commands = new ArrayList<>(blocks);
        int from = 0;
        for (int block = 0; block < blocks; block++) {
            int to = (int) ((long) bytes.length * (block + 1) / blocks);
            int p1 = block == blocks - 1 ? Es8StoreData.P1_LAST : Es8StoreData.P1_MORE;
            commands.add(
                    CommandApdu.of(Es8StoreData.CLA, Es8StoreData.INS, p1, block, Arrays.copyOfRange(bytes, from, to)));
            from = to;
        }
        return HEX.formatHex(new CommandScript(commands).encode(formOf(dataHex)));
    }

    /** How many commands the script {@code dataHex} holds. */
    static int commandCount(String dataHex) {
        return CommandScript.decode(HEX.parseHex(dataHex)).size();
    }

    /** Whether any of {@code tlvs} has tag {@code tag} (see {@link Es8Tags}). */
    static boolean contains(List<byte[]> tlvs, int tag) throws Es8FormatException {
        for (byte[] tlv : tlvs) {
            if (Es8Tags.tagOf(tlv) == tag) {
                return true;
            }
        }
        return false;
    }

    static ResponseScript responses(String responseHex) {
        return ResponseScript.decode(HEX.parseHex(responseHex));
    }

    /** {@code responses} encoded in the form of {@code originalHex}. */
    static String encode(ResponseScript responses, String originalHex) {
        return HEX.formatHex(responses.encode(formOf(originalHex)));
    }

    /** A copy of {@code bytes} with bit 0 of the byte at {@code index} (negative: from the end) inverted. */
    static byte[] flipBit(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        int at = index >= 0 ? index : copy.length + index;
        copy[at] ^= 0x01;
        return copy;
    }

    /** ETSI TS 102 226 §5.2: {@code AE}/{@code AF} open the indefinite templates, {@code AA}/{@code AB} definite. */
    private static ScriptForm formOf(String scriptHex) {
        int first = Integer.parseInt(scriptHex.substring(0, 2), 16);
        return first == 0xAE || first == 0xAF ? ScriptForm.INDEFINITE : ScriptForm.DEFINITE;
    }
}

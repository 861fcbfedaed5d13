package io.openrsp.smsr.es3;

import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptForm;
import java.util.HexFormat;

/** The hex of the ES3 {@code euiccResponseData} elements: the card's response script in expanded indefinite form. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hex() {}

    static String of(ResponseScript response) {
        return HEX.formatHex(response.encode(ScriptForm.INDEFINITE));
    }
}

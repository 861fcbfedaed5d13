package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;

/**
 * DESIGN.md §3.3 status words to GSMA SGP.02 v4.2 §5.1.6.4 status codes: how a card's refusal of an ISD-R command is
 * reported in-band. The status word is always in the message, so the SM-DP sees what the card said.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>SW</th><th>meaning on the card</th><th>subject / reason</th></tr>
 * <tr><td>6A84</td><td>not enough memory</td><td>8.1 eUICC / 4.8 Insufficient Memory</td></tr>
 * <tr><td>6985</td><td>conditions of use not satisfied (wrong state)</td><td>the function's subject / 3.8 Refused</td></tr>
 * <tr><td>69E1</td><td>POL1 forbids</td><td>the function's subject / 3.8 Refused (this platform's policy code)</td></tr>
 * <tr><td>6A88, 6A82</td><td>no such AID on the card</td><td>8.3 ISD-P / 3.9 Unknown</td></tr>
 * <tr><td>other</td><td></td><td>the function's subject / 4.2 Execution Error</td></tr>
 * </table>
 */
final class CardRefusals {

    private CardRefusals() {}

    static Es3FunctionException refusal(StatusWord sw, SubjectCode subject, String subjectIdentifier, String command) {
        String message = command + " refused by the eUICC: SW " + sw;
        return switch (sw.value()) {
            case 0x6A84 ->
                Es3FunctionException.failed(
                        SubjectCode.EUICC, ReasonCode.INSUFFICIENT_MEMORY, subjectIdentifier, message);
            case 0x6985, 0x69E1 -> Es3FunctionException.failed(subject, ReasonCode.REFUSED, subjectIdentifier, message);
            case 0x6A88, 0x6A82 ->
                Es3FunctionException.failed(SubjectCode.ISD_P, ReasonCode.UNKNOWN, subjectIdentifier, message);
            default -> Es3FunctionException.failed(subject, ReasonCode.EXECUTION_ERROR, subjectIdentifier, message);
        };
    }
}

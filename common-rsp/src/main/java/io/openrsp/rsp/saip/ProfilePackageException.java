package io.openrsp.rsp.saip;

import java.io.Serial;
import java.util.List;
import java.util.OptionalInt;

/**
 * The one failure of reading SAIP structures (TCA eUICC Profile Package): a profile package the platform cannot
 * install, or a malformed {@code EUICCResponse}. It names the {@link Reason}, which maps to the PE_Definitions
 * {@code PEStatus} code the eUICC reports ({@link #peStatus()}), the index of the profile element at fault and
 * the byte offset in the input. Messages never contain input bytes, so no key material can leak through them.
 */
public final class ProfilePackageException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the input was rejected, with the {@code PEStatus} code a card reports for it. */
    public enum Reason {
        /** Empty input. */
        EMPTY_PACKAGE(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** Not DER: truncated, a bad tag or length, an indefinite length, nesting too deep. */
        MALFORMED_DER(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** A top-level value that is not a context-specific constructed {@code ProfileElement}. */
        NOT_A_PROFILE_ELEMENT(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** The first element is not the {@code ProfileHeader}, or a second header follows. */
        HEADER_NOT_FIRST(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** An element this platform installs does not follow PE_Definitions (type, component missing, order). */
        MALFORMED_ELEMENT(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** The package does not end with the {@code end} element. */
        MISSING_END(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** An element follows the {@code end} element. */
        ELEMENT_AFTER_END(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** No USIM with EF.IMSI content, or no AKA parameter: nothing a network could authenticate. */
        MISSING_ELEMENT(PeStatusCode.INVALID_REQUEST_FORMAT),
        /** A header major version other than 2 or 3. */
        UNSUPPORTED_VERSION(PeStatusCode.UNSUPPORTED_PROFILE_VERSION),
        /** The profile type is not a UTF-8 string of 1 to 100 characters. */
        BAD_PROFILE_TYPE(PeStatusCode.BAD_VALUES),
        /** The ICCID is not 10 bytes of F-padded digits with a valid Luhn digit. */
        BAD_ICCID(PeStatusCode.BAD_VALUES),
        /** EF.ICCID in the MF names another ICCID than the header. */
        ICCID_MISMATCH(PeStatusCode.BAD_VALUES),
        /** EF.IMSI content is not a valid 3GPP TS 31.102 §4.2.2 encoding. */
        BAD_IMSI(PeStatusCode.BAD_VALUES),
        /** K or OPc is not 16 bytes, or the algorithm options are not one byte. */
        BAD_KEY(PeStatusCode.BAD_VALUES),
        /** An AKA configuration other than MILENAGE with the standard constants (TUAK, mapping, custom r/c). */
        ALGORITHM_NOT_SUPPORTED(PeStatusCode.FEATURE_NOT_SUPPORTED),
        /** An {@code EUICCResponse} that does not follow PE_Definitions. */
        MALFORMED_EUICC_RESPONSE(PeStatusCode.INVALID_REQUEST_FORMAT);

        private final PeStatusCode peStatus;

        Reason(PeStatusCode peStatus) {
            this.peStatus = peStatus;
        }

        public PeStatusCode peStatus() {
            return peStatus;
        }
    }

    private static final int NONE = -1;

    private final Reason reason;
    private final int elementIndex;
    private final int elementOffset;
    private final int offset;
    private final int identification;

    /**
     * @param elementIndex index of the element at fault (0 = header), or -1 if the failure is not in one
     * @param elementOffset byte offset where that element starts, or -1
     * @param offset byte offset of the problem in the input
     * @param identification the element's PEHeader identification if it was read, or -1
     */
    ProfilePackageException(Reason reason, int elementIndex, int elementOffset, int offset, int identification) {
        super(message(reason, elementIndex, offset));
        this.reason = reason;
        this.elementIndex = elementIndex;
        this.elementOffset = elementOffset;
        this.offset = offset;
        this.identification = identification;
    }

    static ProfilePackageException atElement(Reason reason, ElementPosition at) {
        return new ProfilePackageException(reason, at.index(), at.start(), at.start(), at.identification());
    }

    static ProfilePackageException outsideElements(Reason reason, int offset) {
        return new ProfilePackageException(reason, NONE, NONE, offset, NONE);
    }

    public Reason reason() {
        return reason;
    }

    /** The {@code PEStatus} code a card reports for this failure. */
    public PeStatusCode peStatus() {
        return reason.peStatus();
    }

    /** Index of the profile element at fault (0 is the header), if the failure lies in one. */
    public OptionalInt elementIndex() {
        return elementIndex == NONE ? OptionalInt.empty() : OptionalInt.of(elementIndex);
    }

    /** Byte offset of the problem in the input (for a failure inside an element: where that element starts). */
    public int offset() {
        return offset;
    }

    /** The PEHeader {@code identification} of the element at fault, if it could be read. */
    public OptionalInt identification() {
        return identification == NONE ? OptionalInt.empty() : OptionalInt.of(identification);
    }

    /**
     * The {@code EUICCResponse} a card answers for this failure: one {@code PEStatus} with the code, the failing
     * element's identification and the offset of the problem within that element, and
     * {@code profileInstallationAborted}.
     */
    public EuiccResponse toEuiccResponse() {
        Integer id = identification == NONE ? null : identification;
        Long withinElement = elementOffset == NONE ? null : (long) (offset - elementOffset);
        PeStatus status = new PeStatus(reason.peStatus().value(), id, null, withinElement);
        return new EuiccResponse(List.of(status), true, null);
    }

    private static String message(Reason reason, int elementIndex, int offset) {
        String where = elementIndex == NONE ? "" : " in profile element " + elementIndex;
        return "SAIP input rejected: " + reason + where + " at offset " + offset;
    }
}

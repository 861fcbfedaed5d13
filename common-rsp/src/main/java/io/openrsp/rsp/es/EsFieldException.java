package io.openrsp.rsp.es;

import java.io.Serial;

/**
 * A record component that breaks the function's element rules: absent though mandatory, absent though its
 * condition holds, or present with a value the function does not accept. Thrown by the records' constructors;
 * {@link EsJson} turns it into {@link EsMessageException} with the JSON path of the element. Never carries the
 * offending value, only the element name.
 */
final class EsFieldException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String element;
    private final EsMessageException.Reason reason;

    EsFieldException(String element, EsMessageException.Reason reason) {
        super(element + ": " + reason);
        this.element = element;
        this.reason = reason;
    }

    String element() {
        return element;
    }

    EsMessageException.Reason reason() {
        return reason;
    }
}

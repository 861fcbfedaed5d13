package io.openrsp.euicc.smsc;

/** DESIGN.md §3.2 step 1: an SMS-C submission the SMS-C refuses (HTTP 400), naming the element and the rule. */
public final class MalformedSmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String element;

    public MalformedSmsException(String element, String problem) {
        super(element + " " + problem);
        this.element = element;
    }

    /** The JSON element at fault. */
    public String element() {
        return element;
    }
}

package io.openrsp.rsp.es;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Element rules shared by the function records (SGP.02 §5.1: mandatory, conditional and optional elements). */
final class Elements {

    private Elements() {}

    /** A mandatory element. */
    static <T> T mandatory(String element, T value) {
        if (value == null) {
            throw new EsFieldException(element, EsMessageException.Reason.MISSING_ELEMENT);
        }
        return value;
    }

    /** A mandatory text element: present and not blank. */
    static String mandatoryText(String element, String value) {
        mandatory(element, value);
        return optionalText(element, value);
    }

    /** An optional text element: absent, or not blank. */
    static String optionalText(String element, String value) {
        if (value != null && value.isBlank()) {
            throw new EsFieldException(element, EsMessageException.Reason.INVALID_VALUE);
        }
        return value;
    }

    /** An optional count of seconds or bytes: absent, or greater than zero. */
    static Integer optionalPositive(String element, Integer value) {
        if (value != null && value <= 0) {
            throw new EsFieldException(element, EsMessageException.Reason.INVALID_VALUE);
        }
        return value;
    }

    /** An optional amount: absent, or zero or more. */
    static Long optionalNonNegative(String element, Long value) {
        if (value != null && value < 0) {
            throw new EsFieldException(element, EsMessageException.Reason.INVALID_VALUE);
        }
        return value;
    }

    /** An optional list: absent stays absent; present is copied and may not hold null entries. */
    static <T> List<T> optionalList(String element, List<T> value) {
        if (value == null) {
            return null;
        }
        List<T> copy = new ArrayList<>(value.size());
        for (T entry : value) {
            if (entry == null) {
                throw new EsFieldException(element, EsMessageException.Reason.INVALID_VALUE);
            }
            copy.add(entry);
        }
        return Collections.unmodifiableList(copy);
    }

    /** Two conditional elements of which exactly one must be present (e.g. ICCID or profile type). */
    static void exactlyOne(String first, Object firstValue, String second, Object secondValue) {
        if (firstValue == null && secondValue == null) {
            throw new EsFieldException(first, EsMessageException.Reason.CONDITIONAL_ELEMENT_MISSING);
        }
        if (firstValue != null && secondValue != null) {
            throw new EsFieldException(second, EsMessageException.Reason.INVALID_VALUE);
        }
    }
}

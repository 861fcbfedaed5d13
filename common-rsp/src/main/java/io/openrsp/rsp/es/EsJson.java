package io.openrsp.rsp.es;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON binding of the ES1/ES2/ES3 function records (DESIGN.md §3.1, modelled on the GSMA JSON bindings):
 * the one place that configures the JSON mapper and turns its failures into {@link EsMessageException}.
 *
 * <p>Requests are read strictly (an unknown element is rejected: a function provider must not silently ignore
 * what the caller asked for); responses are read tolerantly (unknown elements are skipped, so that a newer
 * peer can add output). Both reject malformed JSON, duplicate keys, trailing data, strings or fractions where
 * numbers belong, and unknown enumeration values. Written JSON omits absent (null) elements, keeps the record
 * component order (so {@code header} comes first) and writes timestamps as ISO-8601 strings.
 */
public final class EsJson {

    private static final JsonMapper STRICT = baseMapper(true);
    private static final JsonMapper TOLERANT = baseMapper(false);

    private EsJson() {}

    /**
     * Reads a function request strictly.
     *
     * @throws EsMessageException if the JSON is malformed or breaks the function's element rules
     */
    public static <T extends EsRequest> T readRequest(String json, Class<T> type) {
        return read(STRICT, json, type);
    }

    /** Reads a function request strictly from UTF-8 bytes; see {@link #readRequest(String, Class)}. */
    public static <T extends EsRequest> T readRequest(byte[] json, Class<T> type) {
        return read(STRICT, json, type);
    }

    /**
     * Reads a function response tolerantly: unknown elements are skipped, everything else is checked.
     *
     * @throws EsMessageException if the JSON is malformed or breaks the function's element rules
     */
    public static <T extends EsResponse> T readResponse(String json, Class<T> type) {
        return read(TOLERANT, json, type);
    }

    /** Reads a function response tolerantly from UTF-8 bytes; see {@link #readResponse(String, Class)}. */
    public static <T extends EsResponse> T readResponse(byte[] json, Class<T> type) {
        return read(TOLERANT, json, type);
    }

    /** Writes a request or response as compact JSON. */
    public static String toJson(EsMessage message) {
        return STRICT.writeValueAsString(message);
    }

    /** Writes a request or response as compact JSON in UTF-8. */
    public static byte[] toJsonBytes(EsMessage message) {
        return STRICT.writeValueAsBytes(message);
    }

    /** Writes an EIS as compact JSON in UTF-8 (the bytes {@link EisSignature} signs). */
    static byte[] toJsonBytes(Eis eis) {
        return STRICT.writeValueAsBytes(eis);
    }

    private static JsonMapper baseMapper(boolean strict) {
        return JsonMapper.builder()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Identifiers are strings: 8904... as a JSON number would lose leading zeros and precision.
                .withCoercionConfig(
                        LogicalType.Textual,
                        textual -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    private static <T> T read(JsonMapper mapper, String json, Class<T> type) {
        if (json == null) {
            throw new EsMessageException(EsMessageException.Reason.MALFORMED_JSON, "");
        }
        try {
            return notNull(mapper.readValue(json, type));
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    private static <T> T read(JsonMapper mapper, byte[] json, Class<T> type) {
        if (json == null) {
            throw new EsMessageException(EsMessageException.Reason.MALFORMED_JSON, "");
        }
        try {
            return notNull(mapper.readValue(json, type));
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    private static <T> T notNull(T value) {
        if (value == null) { // the JSON literal null
            throw new EsMessageException(EsMessageException.Reason.MALFORMED_JSON, "");
        }
        return value;
    }

    /** Maps a JSON library failure to the platform's reason and path, dropping the library's message. */
    private static EsMessageException translate(JacksonException e) {
        String path = path(e.getPath());
        EsFieldException field = fieldCause(e);
        if (field != null) {
            return new EsMessageException(field.reason(), join(path, field.element()));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<JacksonException.Reference> references = unknown.getPath();
            boolean named = !references.isEmpty()
                    && unknown.getPropertyName().equals(references.getLast().getPropertyName());
            String withName = named ? path : join(path, unknown.getPropertyName());
            return new EsMessageException(EsMessageException.Reason.UNKNOWN_ELEMENT, withName);
        }
        if ((e instanceof DatabindException || e instanceof InputCoercionException) && !path.isEmpty()) {
            return new EsMessageException(EsMessageException.Reason.INVALID_VALUE, path);
        }
        // Syntax errors, duplicate keys, size constraints, and a root that is not the expected object.
        return new EsMessageException(EsMessageException.Reason.MALFORMED_JSON, "");
    }

    private static EsFieldException fieldCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EsFieldException field) {
                return field;
            }
        }
        return null;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String element) {
        return path.isEmpty() ? element : path + "." + element;
    }
}

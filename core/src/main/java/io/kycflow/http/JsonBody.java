package io.kycflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of JSON request bodies with the contract's error codes: unparseable → invalid_payload, unknown field →
 * invalid_parameter, missing → missing_data, wrong shape → invalid_format. Field names in errors are dotted paths.
 */
public final class JsonBody {
    private final ObjectNode node;
    private final String prefix;

    private JsonBody(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** Parses a request body that must be one JSON object with only the allowed fields. */
    public static JsonBody parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "The request body must be a JSON object.");
        }
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (Json.InvalidJsonException e) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "The request body is not valid JSON.");
        }
        if (!node.isObject()) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "The request body must be a JSON object.");
        }
        return new JsonBody((ObjectNode) node, "").allowOnly(allowed);
    }

    private JsonBody allowOnly(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "Unknown field '" + path(name) + "'.", path(name));
            }
        }
        return this;
    }

    /** A nested object field (null when absent) with only the allowed fields. */
    public JsonBody object(String name, Set<String> allowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(name, "must be an object");
        }
        return new JsonBody((ObjectNode) value, path(name) + ".").allowOnly(allowed);
    }

    /** An optional string of at most maxLength characters, matching the pattern when one is given. */
    public String string(String name, int maxLength, Pattern pattern, String shape) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(name, "must be a string");
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw invalid(name, "must be at most " + maxLength + " characters");
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            throw invalid(name, "must be " + shape);
        }
        return text;
    }

    public String requiredString(String name, int maxLength, Pattern pattern, String shape) {
        String value = string(name, maxLength, pattern, shape);
        if (value == null || value.isBlank()) {
            throw missing(name);
        }
        return value;
    }

    public boolean requiredBoolean(String name) {
        Boolean value = bool(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /**
     * An optional date of birth: a real date, not in the future. With {@code partial}, YYYY and YYYY-MM are
     * accepted too (screening knows some subjects only by year).
     */
    public String dateOfBirth(String name, boolean partial) {
        String date = partial
                ? string(name, 10, PARTIAL_DATE, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
                : string(name, 10, FULL_DATE, "a date YYYY-MM-DD");
        if (date == null) {
            return null;
        }
        String full = switch (date.length()) {
            case 4 -> date + "-01-01";
            case 7 -> date + "-01";
            default -> date;
        };
        try {
            if (LocalDate.parse(full).isAfter(LocalDate.now())) {
                throw invalid(name, "must not be in the future");
            }
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a real date");
        }
        return date;
    }

    /** An optional true/false. */
    public Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return value.asBoolean();
    }

    /** An optional array of strings, each at most maxLength characters; null when absent. */
    public List<String> strings(String name, int maxItems, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw invalid(name, "must be an array of at most " + maxItems + " strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().length() > maxLength) {
                throw invalid(name, "must be an array of strings of at most " + maxLength + " characters");
            }
            items.add(item.asText());
        }
        return items;
    }

    /** An optional whole number within [min, max]. */
    public Long integer(String name, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw invalid(name, "must be a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }

    /** One of the enum's constant names. */
    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        String value = requiredString(name, 64, null, null);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    public ObjectNode node() {
        return node;
    }

    private String path(String name) {
        return prefix + name;
    }

    private ApiException missing(String name) {
        return new ApiException(ErrorCode.MISSING_DATA, "Field '" + path(name) + "' is required.", path(name));
    }

    /** A field with the wrong format. */
    public ApiException invalid(String name, String what) {
        return new ApiException(ErrorCode.INVALID_FORMAT, "Field '" + path(name) + "' " + what + ".", path(name));
    }
}

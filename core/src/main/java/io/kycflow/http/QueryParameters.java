package io.kycflow.http;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Validation of query string parameters with the contract's error codes, as {@link JsonBody} does for bodies: an
 * unknown parameter is invalid_parameter, a value of the wrong shape invalid_format.
 */
public final class QueryParameters {
    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** The request's query parameters, which may only be the allowed ones. */
    public static QueryParameters of(Map<String, String> query, Set<String> allowed) {
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "Unknown query parameter '" + name + "'.", name);
            }
        }
        return new QueryParameters(query);
    }

    /** A parameter as given; null when absent. */
    public String get(String name) {
        return values.get(name);
    }

    /** An optional whole number within [min, max]; {@code absent} when not given. */
    public int integer(String name, int min, int max, int absent) {
        String value = values.get(name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, as a number out of range is
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /** An optional parameter that must be one of the allowed values; null when not given. */
    public String oneOf(String name, Collection<String> allowed) {
        String value = values.get(name);
        if (value != null && !allowed.contains(value)) {
            throw invalid(name, "must be one of " + allowed);
        }
        return value;
    }

    private static ApiException invalid(String name, String what) {
        return new ApiException(ErrorCode.INVALID_FORMAT, "Query parameter '" + name + "' " + what + ".", name);
    }
}

package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of a {@code "field.$"} entry, a Fail state's ErrorPath/CausePath or an intrinsic argument: a path
 * into the effective input ({@code $...}), a path into the context object ({@code $$...}) or an intrinsic
 * function call ({@code States.Format(...)}).
 */
interface Expression {
    /**
     * Evaluates against the state's effective input and its context object; throws {@link JsonPath.NotFound} for
     * a missing definite path and {@link StatesError} (States.IntrinsicFailure) for a failing intrinsic.
     */
    JsonNode evaluate(JsonNode input, JsonNode context);

    /** Parses an expression; throws IllegalArgumentException when it is not a valid one. */
    static Expression parse(String text) {
        if (text.startsWith("$$")) {
            JsonPath path = JsonPath.parse(text.substring(1));
            return new PathExpression(path, true, text);
        }
        if (text.startsWith("$")) {
            return new PathExpression(JsonPath.parse(text), false, text);
        }
        if (text.startsWith("States.")) {
            return Intrinsics.parse(text);
        }
        throw new IllegalArgumentException("expected a path or an intrinsic function, got '" + text + "'");
    }

    /** A path into the input or, for {@code $$} paths, into the context object. */
    record PathExpression(JsonPath path, boolean contextPath, String text) implements Expression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            try {
                return path.read(contextPath ? context : input);
            } catch (JsonPath.NotFound e) {
                // Report the path as written, including the second '$' of context paths.
                throw new JsonPath.NotFound(text);
            }
        }
    }
}

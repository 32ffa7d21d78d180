package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payload template (Parameters, ResultSelector, ItemSelector): JSON whose fields named {@code "key.$"} are
 * replaced, at any depth, by field {@code "key"} holding the value of a path or intrinsic function. Compiled once
 * when the state machine is created so syntax errors surface as an invalid definition.
 */
final class PayloadTemplate {
    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /** Compiles a template; throws IllegalArgumentException when a {@code .$} value is not a valid expression. */
    static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(node(template));
    }

    JsonNode evaluate(JsonNode input, JsonNode context) {
        return root.evaluate(input, context);
    }

    /**
     * Evaluates one dynamic field, turning a missing path into the States.Runtime error Step Functions reports.
     * {@code field} is the name as written in the definition, e.g. {@code "journeyId.$"} or {@code "ErrorPath"}.
     */
    static JsonNode evaluateField(String field, Expression expression, JsonNode input, JsonNode context) {
        try {
            return expression.evaluate(input, context);
        } catch (JsonPath.NotFound e) {
            JsonNode searched = e.path().startsWith("$$") ? context : input;
            throw StatesError.runtime("The JSONPath '" + e.path() + "' specified for the field '" + field
                    + "' could not be found in the input '" + Json.write(searched) + "'");
        }
    }

    private static Node node(JsonNode template) {
        if (template.isObject()) {
            Map<String, Node> fields = new LinkedHashMap<>();
            template.properties().forEach(entry -> {
                String key = entry.getKey();
                if (key.endsWith(".$")) {
                    if (!entry.getValue().isTextual()) {
                        throw new IllegalArgumentException("the value of field '" + key + "' must be a string");
                    }
                    String name = key.substring(0, key.length() - 2);
                    fields.put(name, new Dynamic(key, Expression.parse(entry.getValue().textValue())));
                } else {
                    fields.put(key, node(entry.getValue()));
                }
            });
            return new ObjectTemplate(fields);
        }
        if (template.isArray()) {
            List<Node> items = new ArrayList<>();
            template.elements().forEachRemaining(item -> items.add(node(item)));
            return new ArrayTemplate(items);
        }
        return new Fixed(template);
    }

    private sealed interface Node permits Fixed, Dynamic, ObjectTemplate, ArrayTemplate {
        JsonNode evaluate(JsonNode input, JsonNode context);
    }

    private record Fixed(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            return value.deepCopy();
        }
    }

    private record Dynamic(String field, Expression expression) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            return evaluateField(field, expression, input, context).deepCopy();
        }
    }

    private record ObjectTemplate(Map<String, Node> fields) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            ObjectNode out = Json.object();
            fields.forEach((name, node) -> out.set(name, node.evaluate(input, context)));
            return out;
        }
    }

    private record ArrayTemplate(List<Node> items) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            ArrayNode out = Json.array();
            items.forEach(item -> out.add(item.evaluate(input, context)));
            return out;
        }
    }
}

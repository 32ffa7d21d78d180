package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Choice rule (JSONPath flavour): {@code And}, {@code Or}, {@code Not} or a comparison of {@code Variable}
 * with a literal or, for the {@code *Path} operators, with another path. A comparison between values of the wrong
 * type is false; a missing Variable is a States.Runtime error except for {@code IsPresent}.
 */
sealed interface ChoiceRule {
    boolean matches(JsonNode input, JsonNode context);

    /** Parses a rule (without its Next); throws IllegalArgumentException when it is malformed. */
    static ChoiceRule parse(JsonNode rule) {
        if (!rule.isObject()) {
            throw new IllegalArgumentException("a choice rule must be an object");
        }
        if (rule.has("And") || rule.has("Or")) {
            String key = rule.has("And") ? "And" : "Or";
            JsonNode list = rule.get(key);
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(key + " must be a non-empty array");
            }
            List<ChoiceRule> rules = new ArrayList<>();
            list.forEach(r -> rules.add(parse(r)));
            return key.equals("And") ? new And(List.copyOf(rules)) : new Or(List.copyOf(rules));
        }
        if (rule.has("Not")) {
            return new Not(parse(rule.get("Not")));
        }
        return Comparison.parse(rule);
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input, JsonNode context) {
            for (ChoiceRule rule : rules) {
                if (!rule.matches(input, context)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input, JsonNode context) {
            for (ChoiceRule rule : rules) {
                if (rule.matches(input, context)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input, JsonNode context) {
            return !rule.matches(input, context);
        }
    }

    /** The kinds of comparison; each knows which operand it accepts and how it compares. */
    enum Kind {
        STRING(JsonNode::isTextual),
        NUMERIC(JsonNode::isNumber),
        BOOLEAN(JsonNode::isBoolean),
        TIMESTAMP(Comparison::isTimestamp),
        MATCHES(JsonNode::isTextual),
        TYPE_TEST(JsonNode::isBoolean);

        private final Predicate<JsonNode> acceptsOperand;

        Kind(Predicate<JsonNode> acceptsOperand) {
            this.acceptsOperand = acceptsOperand;
        }
    }

    /** One operator, e.g. NumericLessThan: its kind and how the comparison result maps to a match. */
    record Operator(String name, Kind kind, IntPredicate outcome, Predicate<JsonNode> typeTest) {
        private static final Map<String, Operator> BY_NAME = new HashMap<>();

        static {
            Map<String, IntPredicate> orderings = Map.of(
                    "Equals", c -> c == 0, "LessThan", c -> c < 0, "GreaterThan", c -> c > 0,
                    "LessThanEquals", c -> c <= 0, "GreaterThanEquals", c -> c >= 0);
            Map<String, Kind> prefixes = Map.of("String", Kind.STRING, "Numeric", Kind.NUMERIC,
                    "Timestamp", Kind.TIMESTAMP);
            prefixes.forEach((prefix, kind) -> orderings.forEach(
                    (suffix, outcome) -> add(new Operator(prefix + suffix, kind, outcome, null))));
            add(new Operator("BooleanEquals", Kind.BOOLEAN, c -> c == 0, null));
            add(new Operator("StringMatches", Kind.MATCHES, null, null));
            Map<String, Predicate<JsonNode>> typeTests = Map.of(
                    "IsNull", JsonNode::isNull, "IsNumeric", JsonNode::isNumber, "IsString", JsonNode::isTextual,
                    "IsBoolean", JsonNode::isBoolean, "IsTimestamp", Comparison::isTimestamp,
                    "IsPresent", value -> true);
            typeTests.forEach((name, test) -> add(new Operator(name, Kind.TYPE_TEST, null, test)));
        }

        private static void add(Operator operator) {
            BY_NAME.put(operator.name(), operator);
        }

        /** Operators that also exist as {@code <name>Path}, comparing with a value read from the input. */
        boolean hasPathVariant() {
            return kind == Kind.STRING || kind == Kind.NUMERIC || kind == Kind.BOOLEAN || kind == Kind.TIMESTAMP;
        }
    }

    record Comparison(Expression.PathExpression variable, Operator operator, JsonNode value,
                      Expression.PathExpression valuePath, Pattern pattern) implements ChoiceRule {
        private static final Set<String> NON_OPERATOR_FIELDS = Set.of("Variable", "Next", "Comment");

        static Comparison parse(JsonNode rule) {
            List<String> operatorFields = new ArrayList<>();
            rule.fieldNames().forEachRemaining(field -> {
                if (!NON_OPERATOR_FIELDS.contains(field)) {
                    operatorFields.add(field);
                }
            });
            if (!rule.path("Variable").isTextual() || operatorFields.size() != 1) {
                throw new IllegalArgumentException(
                        "a comparison needs a Variable and exactly one operator, got " + Json.write(rule));
            }
            Expression.PathExpression variable = reference(rule.get("Variable").textValue());
            String field = operatorFields.getFirst();
            JsonNode operand = rule.get(field);
            Operator operator = Operator.BY_NAME.get(field);
            if (operator == null && field.endsWith("Path")) {
                Operator base = Operator.BY_NAME.get(field.substring(0, field.length() - 4));
                if (base != null && base.hasPathVariant() && operand.isTextual()) {
                    return new Comparison(variable, base, null, reference(operand.textValue()), null);
                }
            }
            if (operator == null) {
                throw new IllegalArgumentException("unknown choice operator '" + field + "'");
            }
            if (!operator.kind().acceptsOperand.test(operand)) {
                throw new IllegalArgumentException("bad value for " + field + ": " + operand);
            }
            Pattern pattern = operator.kind() == Kind.MATCHES ? wildcard(operand.textValue()) : null;
            return new Comparison(variable, operator, operand, null, pattern);
        }

        private static Expression.PathExpression reference(String text) {
            boolean context = text.startsWith("$$");
            JsonPath path = JsonPath.parseReference(context ? text.substring(1) : text);
            return new Expression.PathExpression(path, context, text);
        }

        /** StringMatches: {@code *} matches any run of characters, {@code \*} and {@code \\} are literal. */
        private static Pattern wildcard(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else if (c == '*') {
                    regex.append(".*");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }

        static boolean isTimestamp(JsonNode value) {
            return timestamp(value) != null;
        }

        /** RFC 3339 with an uppercase T and Z, as the States Language requires; null when it is not one. */
        static Instant timestamp(JsonNode value) {
            if (!value.isTextual() || value.textValue().contains("t") || value.textValue().contains("z")) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public boolean matches(JsonNode input, JsonNode context) {
            JsonNode actual = read(variable, input, context);
            if (operator.kind() == Kind.TYPE_TEST) {
                boolean holds = actual != null && operator.typeTest().test(actual);
                return holds == value.booleanValue();
            }
            if (actual == null) {
                throw invalidPath(variable);
            }
            JsonNode expected = value;
            if (valuePath != null) {
                expected = read(valuePath, input, context);
                if (expected == null) {
                    throw invalidPath(valuePath);
                }
            }
            return compare(actual, expected);
        }

        private boolean compare(JsonNode actual, JsonNode expected) {
            Kind kind = operator.kind();
            if (kind == Kind.MATCHES) {
                return actual.isTextual() && pattern.matcher(actual.textValue()).matches();
            }
            if (!kind.acceptsOperand.test(actual) || !kind.acceptsOperand.test(expected)) {
                return false;
            }
            int order = switch (kind) {
                case STRING -> actual.textValue().compareTo(expected.textValue());
                case NUMERIC -> actual.decimalValue().compareTo(expected.decimalValue());
                case BOOLEAN -> Boolean.compare(actual.booleanValue(), expected.booleanValue());
                case TIMESTAMP -> timestamp(actual).compareTo(timestamp(expected));
                default -> throw new IllegalStateException("not an ordering: " + kind);
            };
            return operator.outcome().test(order);
        }

        /** The value at a path, or null when the path selects nothing. */
        private static JsonNode read(Expression.PathExpression path, JsonNode input, JsonNode context) {
            try {
                return path.evaluate(input, context);
            } catch (JsonPath.NotFound e) {
                return null;
            }
        }

        private static StatesError invalidPath(Expression.PathExpression path) {
            return StatesError.runtime("Invalid path '" + path.text()
                    + "': The choice state's condition path references an invalid value.");
        }
    }
}

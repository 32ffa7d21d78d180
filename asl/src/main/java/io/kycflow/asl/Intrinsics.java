package io.kycflow.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Parser and implementations of the intrinsic functions ({@code States.Format}, {@code States.Array}, ...).
 *
 * <p>String literals are single-quoted; inside them {@code \'}, <code>\{</code>, <code>\}</code> and
 * {@code \\} stand for the character after the backslash (in the JSON definition each backslash is doubled).
 * An unescaped <code>{}</code> in the first argument of States.Format is a placeholder; an escaped one is text.
 * Arguments are literals (string, number, true, false, null), paths ({@code $.x}, {@code $$.Execution.Id}) or
 * nested calls. Bad arguments at run time fail with States.IntrinsicFailure.
 */
final class Intrinsics {
    private static final int MAX_STRING = 10_000;
    private static final int MAX_RANGE = 1000;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private Intrinsics() {
    }

    private interface Function {
        JsonNode apply(Args args);
    }

    private record Spec(int minArgs, int maxArgs, Function function) {
    }

    private static final Map<String, Spec> FUNCTIONS = Map.ofEntries(
            Map.entry("States.Array", new Spec(0, Integer.MAX_VALUE, Intrinsics::array)),
            Map.entry("States.ArrayPartition", new Spec(2, 2, Intrinsics::arrayPartition)),
            Map.entry("States.ArrayContains", new Spec(2, 2, Intrinsics::arrayContains)),
            Map.entry("States.ArrayRange", new Spec(3, 3, Intrinsics::arrayRange)),
            Map.entry("States.ArrayGetItem", new Spec(2, 2, Intrinsics::arrayGetItem)),
            Map.entry("States.ArrayLength", new Spec(1, 1, args -> Json.NODES.numberNode(args.array(0).size()))),
            Map.entry("States.ArrayUnique", new Spec(1, 1, Intrinsics::arrayUnique)),
            Map.entry("States.Base64Encode", new Spec(1, 1, Intrinsics::base64Encode)),
            Map.entry("States.Base64Decode", new Spec(1, 1, Intrinsics::base64Decode)),
            Map.entry("States.Hash", new Spec(2, 2, Intrinsics::hash)),
            Map.entry("States.JsonMerge", new Spec(3, 3, Intrinsics::jsonMerge)),
            Map.entry("States.StringToJson", new Spec(1, 1, Intrinsics::stringToJson)),
            Map.entry("States.JsonToString", new Spec(1, 1, args -> Json.NODES.textNode(Json.write(args.get(0))))),
            Map.entry("States.MathRandom", new Spec(2, 3, Intrinsics::mathRandom)),
            Map.entry("States.MathAdd", new Spec(2, 2, Intrinsics::mathAdd)),
            Map.entry("States.StringSplit", new Spec(2, 2, Intrinsics::stringSplit)),
            Map.entry("States.UUID", new Spec(0, 0, args -> Json.NODES.textNode(UUID.randomUUID().toString()))));

    /** Parses one intrinsic call; throws IllegalArgumentException for a syntax error or unknown function. */
    static Expression parse(String text) {
        Parser parser = new Parser(text);
        Expression call = parser.call();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw new IllegalArgumentException("unexpected text after the intrinsic function: " + text);
        }
        return call;
    }

    // ---- evaluation -------------------------------------------------------------------------------------------

    /** Evaluated arguments with typed accessors that fail the way States.IntrinsicFailure reports. */
    private record Args(String function, List<JsonNode> values) {
        JsonNode get(int i) {
            return values.get(i);
        }

        int size() {
            return values.size();
        }

        StatesError fail(String reason) {
            return new StatesError(StatesError.INTRINSIC_FAILURE, "Invalid arguments in " + function + ": " + reason);
        }

        ArrayNode array(int i) {
            if (!get(i).isArray()) {
                throw fail("argument " + (i + 1) + " must be an array");
            }
            return (ArrayNode) get(i);
        }

        ObjectNode object(int i) {
            if (!get(i).isObject()) {
                throw fail("argument " + (i + 1) + " must be a JSON object");
            }
            return (ObjectNode) get(i);
        }

        String string(int i) {
            if (!get(i).isTextual()) {
                throw fail("argument " + (i + 1) + " must be a string");
            }
            return get(i).textValue();
        }

        String limitedString(int i) {
            String value = string(i);
            if (value.length() > MAX_STRING) {
                throw fail("the input string is longer than " + MAX_STRING + " characters");
            }
            return value;
        }

        int integer(int i) {
            if (!Json.isInt(get(i))) {
                throw fail("argument " + (i + 1) + " must be an integer");
            }
            return get(i).decimalValue().intValueExact();
        }
    }

    private record Literal(JsonNode value) implements Expression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            return value;
        }
    }

    private record Call(String name, Function function, List<Expression> args) implements Expression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            List<JsonNode> values = new ArrayList<>(args.size());
            for (Expression arg : args) {
                values.add(arg.evaluate(input, context));
            }
            return function.apply(new Args(name, values));
        }
    }

    /**
     * States.Format. {@code segments} holds the literal template split at its unescaped placeholders; it is null
     * when the template comes from a path, which is split at every <code>{}</code> when evaluated.
     */
    private record Format(List<String> segments, Expression template, List<Expression> args) implements Expression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            List<JsonNode> values = new ArrayList<>();
            for (Expression arg : args) {
                values.add(arg.evaluate(input, context));
            }
            Args checked = new Args("States.Format", values);
            List<String> parts = segments;
            if (parts == null) {
                JsonNode value = template.evaluate(input, context);
                if (!value.isTextual()) {
                    throw checked.fail("the template must be a string");
                }
                parts = List.of(value.textValue().split(Pattern.quote("{}"), -1));
            }
            if (parts.size() - 1 != values.size()) {
                throw checked.fail("the template has " + (parts.size() - 1) + " placeholders but "
                        + values.size() + " values were given");
            }
            StringBuilder out = new StringBuilder(parts.getFirst());
            for (int i = 0; i < values.size(); i++) {
                out.append(text(values.get(i))).append(parts.get(i + 1));
            }
            return Json.NODES.textNode(out.toString());
        }

        /** Strings as they are; objects and arrays the way Java prints maps and lists, like Step Functions. */
        private static String text(JsonNode value) {
            if (value.isTextual()) {
                return value.textValue();
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.elements().forEachRemaining(item -> items.add(text(item)));
                return "[" + String.join(", ", items) + "]";
            }
            if (value.isObject()) {
                List<String> entries = new ArrayList<>();
                value.properties().forEach(e -> entries.add(e.getKey() + "=" + text(e.getValue())));
                return "{" + String.join(", ", entries) + "}";
            }
            return value.toString();
        }
    }

    private static JsonNode array(Args args) {
        ArrayNode out = Json.array();
        args.values().forEach(out::add);
        return out;
    }

    private static JsonNode arrayPartition(Args args) {
        ArrayNode array = args.array(0);
        int size = args.integer(1);
        if (size <= 0) {
            throw args.fail("the chunk size must be a positive integer");
        }
        ArrayNode out = Json.array();
        for (int i = 0; i < array.size(); i += size) {
            ArrayNode chunk = out.addArray();
            for (int j = i; j < Math.min(array.size(), i + size); j++) {
                chunk.add(array.get(j));
            }
        }
        return out;
    }

    private static JsonNode arrayContains(Args args) {
        for (JsonNode item : args.array(0)) {
            if (Json.equivalent(item, args.get(1))) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    private static JsonNode arrayRange(Args args) {
        int start = args.integer(0);
        int end = args.integer(1);
        int step = args.integer(2);
        if (step == 0) {
            throw args.fail("the step must not be 0");
        }
        long count = Math.max(0, ((long) end - start) / step + 1);
        if (count > MAX_RANGE) {
            throw args.fail("the range has more than " + MAX_RANGE + " items");
        }
        ArrayNode out = Json.array();
        for (long i = 0; i < count; i++) {
            out.add((int) (start + i * step));
        }
        return out;
    }

    private static JsonNode arrayGetItem(Args args) {
        ArrayNode array = args.array(0);
        int index = args.integer(1);
        if (index < 0 || index >= array.size()) {
            throw args.fail("index " + index + " is out of bounds for an array of " + array.size());
        }
        return array.get(index);
    }

    private static JsonNode arrayUnique(Args args) {
        ArrayNode out = Json.array();
        for (JsonNode item : args.array(0)) {
            boolean seen = false;
            for (JsonNode kept : out) {
                seen |= Json.equivalent(kept, item);
            }
            if (!seen) {
                out.add(item);
            }
        }
        return out;
    }

    private static JsonNode base64Encode(Args args) {
        byte[] bytes = args.limitedString(0).getBytes(StandardCharsets.UTF_8);
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    private static JsonNode base64Decode(Args args) {
        try {
            byte[] bytes = Base64.getDecoder().decode(args.limitedString(0));
            return Json.NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw args.fail("not valid base64");
        }
    }

    private static JsonNode hash(Args args) {
        String data = args.limitedString(0);
        String algorithm = args.string(1);
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw args.fail("unsupported algorithm '" + algorithm + "', use one of " + HASH_ALGORITHMS);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static JsonNode jsonMerge(Args args) {
        ObjectNode merged = args.object(0).deepCopy();
        ObjectNode second = args.object(1);
        if (!args.get(2).isBoolean() || args.get(2).booleanValue()) {
            // Step Functions only implements the shallow mode and requires false here.
            throw args.fail("only shallow merging is supported: the third argument must be false");
        }
        merged.setAll(second.deepCopy());
        return merged;
    }

    private static JsonNode stringToJson(Args args) {
        try {
            return Json.parse(args.string(0));
        } catch (JsonProcessingException e) {
            throw args.fail("the string is not valid JSON");
        }
    }

    /** A random integer from start (inclusive) to end (exclusive); the optional seed makes it repeatable. */
    private static JsonNode mathRandom(Args args) {
        int start = args.integer(0);
        int end = args.integer(1);
        if (start >= end) {
            throw args.fail("the start must be less than the end");
        }
        Random random = args.size() == 3 ? new Random(args.integer(2)) : ThreadLocalRandom.current();
        return Json.NODES.numberNode(random.nextInt(start, end));
    }

    /** Non-integer values are rounded to the nearest integer first, as Step Functions documents. */
    private static JsonNode mathAdd(Args args) {
        long sum = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode value = args.get(i);
            if (!value.isNumber()) {
                throw args.fail("argument " + (i + 1) + " must be a number");
            }
            long rounded = Math.round(value.doubleValue());
            if (rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
                throw args.fail("argument " + (i + 1) + " is outside the integer range");
            }
            sum += rounded;
        }
        return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
    }

    /** Splits at every occurrence of any of the delimiter characters and drops empty parts. */
    private static JsonNode stringSplit(Args args) {
        String value = args.string(0);
        String delimiters = args.string(1);
        ArrayNode out = Json.array();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || delimiters.indexOf(value.charAt(i)) >= 0) {
                if (!part.isEmpty()) {
                    out.add(part.toString());
                }
                part.setLength(0);
            } else {
                part.append(value.charAt(i));
            }
        }
        return out;
    }

    // ---- parsing ----------------------------------------------------------------------------------------------

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at position " + pos + " of intrinsic function " + text);
        }

        Expression call() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            Spec spec = FUNCTIONS.get(name);
            if (spec == null && !name.equals("States.Format")) {
                throw new IllegalArgumentException("unknown intrinsic function '" + name + "' in " + text);
            }
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != '(') {
                throw error("expected '('");
            }
            pos++;
            List<Expression> args = new ArrayList<>();
            List<List<String>> literalSegments = new ArrayList<>();
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == ')') {
                pos++;
            } else {
                while (true) {
                    args.add(argument(literalSegments, args.size()));
                    skipSpaces();
                    if (pos >= text.length()) {
                        throw error("expected ')'");
                    }
                    char c = text.charAt(pos++);
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or ')'");
                    }
                }
            }
            if (spec == null) {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("States.Format needs a template in " + text);
                }
                List<String> segments = literalSegments.isEmpty() ? null : literalSegments.getFirst();
                return new Format(segments, args.getFirst(), List.copyOf(args.subList(1, args.size())));
            }
            if (args.size() < spec.minArgs() || args.size() > spec.maxArgs()) {
                throw new IllegalArgumentException(name + " takes " + (spec.minArgs() == spec.maxArgs()
                        ? spec.minArgs() : spec.minArgs() + " to " + spec.maxArgs()) + " arguments: " + text);
            }
            return new Call(name, spec.function(), List.copyOf(args));
        }

        /** One argument; the segments of a string literal in first position are kept for States.Format. */
        private Expression argument(List<List<String>> literalSegments, int index) {
            skipSpaces();
            if (pos >= text.length()) {
                throw error("expected an argument");
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                List<String> segments = new ArrayList<>();
                String value = stringLiteral(segments);
                if (index == 0) {
                    literalSegments.add(segments);
                }
                return new Literal(Json.NODES.textNode(value));
            }
            if (c == '$') {
                return Expression.parse(pathText());
            }
            if (text.startsWith("States.", pos)) {
                return call();
            }
            int start = pos;
            while (pos < text.length() && ",) ".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String token = text.substring(start, pos);
            switch (token) {
                case "true", "false", "null" -> {
                    return new Literal(parseJson(token));
                }
                default -> {
                    if (!NUMBER.matcher(token).matches()) {
                        throw error("unexpected argument '" + token + "'");
                    }
                    return new Literal(parseJson(token));
                }
            }
        }

        private JsonNode parseJson(String token) {
            try {
                return Json.parse(token);
            } catch (JsonProcessingException e) {
                throw error("bad literal '" + token + "'");
            }
        }

        /** Reads a quoted literal, unescaping it and splitting it at unescaped placeholders into segments. */
        private String stringLiteral(List<String> segments) {
            pos++;
            StringBuilder value = new StringBuilder();
            StringBuilder segment = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '\'') {
                    break;
                }
                if (c == '\\' && pos < text.length()) {
                    char escaped = text.charAt(pos++);
                    value.append(escaped);
                    segment.append(escaped);
                } else if (c == '{' && pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    value.append("{}");
                    segments.add(segment.toString());
                    segment.setLength(0);
                } else {
                    value.append(c);
                    segment.append(c);
                }
            }
            segments.add(segment.toString());
            return value.toString();
        }

        /** A path ends at the first ',' or ')' that is not inside brackets. */
        private String pathText() {
            int start = pos;
            int depth = 0;
            char quote = 0;
            for (; pos < text.length(); pos++) {
                char c = text.charAt(pos);
                if (quote != 0) {
                    if (c == '\\') {
                        pos++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (depth > 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                } else if (depth == 0 && (c == ',' || c == ')')) {
                    break;
                }
            }
            return text.substring(start, pos).trim();
        }
    }
}

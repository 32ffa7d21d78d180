package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The JSONPath subset Step Functions accepts (it uses Jayway JsonPath): {@code $}, {@code .name}, {@code ['name']},
 * {@code [0]} and {@code [-1]}, {@code [*]} / {@code .*}, unions {@code [0,2]} / {@code ['a','b']}, slices
 * {@code [1:3]} and deep scan {@code ..name}. Filters ({@code [?(...)]}) are rejected as an invalid definition.
 *
 * <p>A definite path (names and single indices only) yields one value or fails with {@link NotFound}; any other
 * path yields an array of all matches, possibly empty. Only definite paths can be written to (ResultPath) and
 * used as reference paths (Choice variables, ItemsPath, the {@code *Path} fields).
 */
final class JsonPath {
    /** The path {@code $}. */
    static final JsonPath ROOT = new JsonPath("$", List.of());

    private final String text;
    private final List<Segment> segments;
    private final boolean definite;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
        this.definite = segments.stream().allMatch(s -> s instanceof Name || s instanceof Index);
    }

    /** A path selected nothing; callers turn this into the state-specific States.Runtime cause. */
    static final class NotFound extends RuntimeException {
        private final String path;

        NotFound(String path) {
            super(path, null, false, false);
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    /** Parses {@code text}; throws IllegalArgumentException with a readable reason when it is not a valid path. */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + text);
        }
        List<Segment> segments = new ArrayList<>();
        int pos = 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' && pos + 1 < text.length() && text.charAt(pos + 1) == '.') {
                pos += 2;
                int[] end = new int[1];
                Segment inner = text.startsWith("[", pos) ? bracket(text, pos, end) : dotted(text, pos, end);
                segments.add(new DeepScan(inner));
                pos = end[0];
            } else if (c == '.') {
                int[] end = new int[1];
                segments.add(dotted(text, pos + 1, end));
                pos = end[0];
            } else if (c == '[') {
                int[] end = new int[1];
                segments.add(bracket(text, pos, end));
                pos = end[0];
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + " in path " + text);
            }
        }
        return new JsonPath(text, List.copyOf(segments));
    }

    /** Like {@link #parse} but also requires a definite path, as reference paths must be. */
    static JsonPath parseReference(String text) {
        JsonPath path = parse(text);
        if (!path.definite) {
            throw new IllegalArgumentException("a reference path must select a single value: " + text);
        }
        return path;
    }

    private static Segment dotted(String text, int start, int[] end) {
        int pos = start;
        while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
            pos++;
        }
        end[0] = pos;
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty name in path " + text);
        }
        return name.equals("*") ? new Wildcard() : new Name(name);
    }

    private static Segment bracket(String text, int start, int[] end) {
        StringBuilder inner = new StringBuilder();
        char quote = 0;
        int pos = start + 1;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\' && pos + 1 < text.length()) {
                    inner.append(c).append(text.charAt(++pos));
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                break;
            }
            inner.append(c);
        }
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unclosed '[' in path " + text);
        }
        end[0] = pos + 1;
        return selector(inner.toString().trim(), text);
    }

    private static Segment selector(String body, String text) {
        if (body.equals("*")) {
            return new Wildcard();
        }
        if (body.startsWith("?") || body.startsWith("(")) {
            throw new IllegalArgumentException("filter and script expressions are not supported: " + text);
        }
        if (body.startsWith("'") || body.startsWith("\"")) {
            List<String> names = quotedNames(body, text);
            return names.size() == 1 ? new Name(names.getFirst()) : new NameUnion(names);
        }
        try {
            if (body.contains(":")) {
                String[] parts = body.split(":", -1);
                if (parts.length > 3) {
                    throw new IllegalArgumentException("bad slice in path " + text);
                }
                Integer from = parts[0].isBlank() ? null : Integer.valueOf(parts[0].trim());
                Integer to = parts[1].isBlank() ? null : Integer.valueOf(parts[1].trim());
                int step = parts.length == 3 && !parts[2].isBlank() ? Integer.parseInt(parts[2].trim()) : 1;
                if (step <= 0) {
                    throw new IllegalArgumentException("slice step must be positive in path " + text);
                }
                return new Slice(from, to, step);
            }
            String[] parts = body.split(",");
            if (parts.length == 1) {
                return new Index(Integer.parseInt(body));
            }
            List<Integer> indices = new ArrayList<>();
            for (String part : parts) {
                indices.add(Integer.valueOf(part.trim()));
            }
            return new IndexUnion(indices);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad selector [" + body + "] in path " + text);
        }
    }

    private static List<String> quotedNames(String body, String text) {
        List<String> names = new ArrayList<>();
        int pos = 0;
        while (pos < body.length()) {
            char quote = body.charAt(pos);
            if (quote != '\'' && quote != '"') {
                throw new IllegalArgumentException("bad name list [" + body + "] in path " + text);
            }
            StringBuilder name = new StringBuilder();
            pos++;
            while (pos < body.length() && body.charAt(pos) != quote) {
                char c = body.charAt(pos);
                if (c == '\\' && pos + 1 < body.length()) {
                    c = body.charAt(++pos);
                }
                name.append(c);
                pos++;
            }
            if (pos >= body.length()) {
                throw new IllegalArgumentException("unclosed quote in path " + text);
            }
            names.add(name.toString());
            pos++;
            while (pos < body.length() && (body.charAt(pos) == ',' || body.charAt(pos) == ' ')) {
                pos++;
            }
        }
        return names;
    }

    boolean isDefinite() {
        return definite;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Selects from {@code root}: the single value of a definite path (throwing {@link NotFound} when it is
     * missing) or an array of every match of an indefinite one.
     */
    JsonNode read(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Segment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                segment.select(node, next);
            }
            current = next;
        }
        if (definite) {
            if (current.isEmpty()) {
                throw new NotFound(text);
            }
            return current.getFirst();
        }
        ArrayNode matches = Json.array();
        current.forEach(matches::add);
        return matches;
    }

    /**
     * Returns a copy of {@code root} with {@code value} placed at this (definite) path, creating missing objects
     * on the way, as ResultPath does. Returns null when the path cannot be placed (e.g. it runs through a string).
     */
    JsonNode write(JsonNode root, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode container = copy;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            Segment segment = segments.get(i);
            if (segment instanceof Name(String name) && container instanceof ObjectNode object) {
                JsonNode child = object.get(name);
                if (last) {
                    object.set(name, value);
                } else if (child == null || child.isNull()) {
                    container = object.putObject(name);
                } else {
                    container = child;
                }
            } else if (segment instanceof Index index && container instanceof ArrayNode array) {
                int at = index.resolve(array.size());
                if (at < 0 || at >= array.size()) {
                    return null;
                }
                if (last) {
                    array.set(at, value);
                } else {
                    container = array.get(at);
                }
            } else {
                return null;
            }
        }
        return copy;
    }

    private sealed interface Segment permits Name, Index, Wildcard, NameUnion, IndexUnion, Slice, DeepScan {
        void select(JsonNode node, List<JsonNode> out);
    }

    private record Name(String name) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            if (node.isObject() && node.has(name)) {
                out.add(node.get(name));
            }
        }
    }

    private record Index(int index) implements Segment {
        int resolve(int size) {
            return index < 0 ? size + index : index;
        }

        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            if (node.isArray()) {
                int at = resolve(node.size());
                if (at >= 0 && at < node.size()) {
                    out.add(node.get(at));
                }
            }
        }
    }

    private record Wildcard() implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(out::add);
            }
        }
    }

    private record NameUnion(List<String> names) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            names.forEach(name -> new Name(name).select(node, out));
        }
    }

    private record IndexUnion(List<Integer> indices) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            indices.forEach(index -> new Index(index).select(node, out));
        }
    }

    private record Slice(Integer from, Integer to, int step) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            if (!node.isArray()) {
                return;
            }
            int size = node.size();
            int start = clamp(from == null ? 0 : from, size);
            int end = clamp(to == null ? size : to, size);
            for (int i = start; i < end; i += step) {
                out.add(node.get(i));
            }
        }

        private static int clamp(int bound, int size) {
            return Math.max(0, Math.min(size, bound < 0 ? size + bound : bound));
        }
    }

    private record DeepScan(Segment inner) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            inner.select(node, out);
            if (node.isContainerNode()) {
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                    select(it.next(), out);
                }
            }
        }
    }
}

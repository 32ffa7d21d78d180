package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {
    private static final JsonNode DOC = json("""
            {"a": {"b": 1, "list": [10, 20, 30, 40]}, "a b": "spaced", "n": null,
             "items": [{"id": 1, "tag": "x"}, {"id": 2}, {"id": 3, "tag": "z"}], "it's": true}""");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            $                  | DOC
            $.a.b              | 1
            $['a b']           | "spaced"
            $["a b"]           | "spaced"
            $['it\\'s']        | true
            $.a['list'][0]     | 10
            $.a.list[-1]       | 40
            $.n                | null
            $.items[1]         | {"id": 2}
            """)
    void definitePathsSelectOneValue(String path, String expected) {
        JsonNode want = expected.equals("DOC") ? DOC : json(expected);
        assertEquals(want, JsonPath.parse(path).read(DOC));
        assertTrue(JsonPath.parse(path).isDefinite());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            $.a.list[*]        | [10, 20, 30, 40]
            $.a.list[1:3]      | [20, 30]
            $.a.list[:2]       | [10, 20]
            $.a.list[-2:]      | [30, 40]
            $.a.list[0,2]      | [10, 30]
            $.a.list[::2]      | [10, 30]
            $.items[*].tag     | ["x", "z"]
            $.items[*].missing | []
            $..tag             | ["x", "z"]
            $.a.*              | [1, [10, 20, 30, 40]]
            $['a b','n']       | ["spaced", null]
            """)
    void indefinitePathsSelectAllMatches(String path, String expected) {
        assertEquals(json(expected), JsonPath.parse(path).read(DOC));
        assertFalse(JsonPath.parse(path).isDefinite());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.missing", "$.a.b.c", "$.a.list[9]", "$.items.id", "$['nope']"})
    void missingDefinitePathsThrowNotFound(String path) {
        JsonPath.NotFound e = assertThrows(JsonPath.NotFound.class, () -> JsonPath.parse(path).read(DOC));
        assertEquals(path, e.path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "$.", "$.a[", "$[?(@.id > 1)]", "$.a[x]", "$..", "$.a[1:2:0]"})
    void invalidPathsAreRejected(String path) {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(path));
    }

    @Test
    void referencePathsMustBeDefinite() {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parseReference("$.a[*]"));
        assertEquals("$.a.b", JsonPath.parseReference("$.a.b").toString());
    }

    @Test
    void writeCreatesMissingObjectsAndLeavesTheOriginalAlone() {
        JsonNode input = json("{\"x\": 1}");
        assertEquals(json("{\"x\": 1, \"r\": {\"deep\": {\"v\": true}}}"),
                JsonPath.parse("$.r.deep.v").write(input, json("true")));
        assertEquals(json("{\"x\": 1}"), input);
        assertEquals(json("\"whole\""), JsonPath.ROOT.write(input, json("\"whole\"")));
        assertEquals(json("{\"a\": [1, 9]}"), JsonPath.parse("$.a[1]").write(json("{\"a\": [1, 2]}"), json("9")));
    }

    @Test
    void writeThroughANonObjectIsImpossible() {
        assertNull(JsonPath.parse("$.x.y").write(json("{\"x\": \"text\"}"), json("1")));
        assertNull(JsonPath.parse("$.x").write(json("[1]"), json("1")));
        assertNull(JsonPath.parse("$.a[5]").write(json("{\"a\": [1]}"), json("1")));
    }
}

package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicsTest {
    private static final JsonNode INPUT = json("""
            {"name": "Ada", "n": 3, "list": [1, 2, 2, 3, 1], "obj": {"k": "v", "n": [1, "two"]},
             "a": {"x": 1, "y": {"deep": true}}, "b": {"y": 2, "z": 3}, "csv": "a,b,,c", "json": "{\\"q\\": [1]}",
             "odd key, with comma": "ok", "template": "{} and {}"}""");
    private static final JsonNode CONTEXT = json("{\"Execution\": {\"Name\": \"exec-1\"}}");

    private static JsonNode eval(String expression) {
        return Intrinsics.parse(expression).evaluate(INPUT, CONTEXT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            States.Format('Hello {}, you are {}', $.name, $.n)             | "Hello Ada, you are 3"
            States.Format('{} {} {} {}', $.obj, $.list, true, null)        | "{k=v, n=[1, two]} [1, 2, 2, 3, 1] true null"
            States.Format('run {}', $$.Execution.Name)                     | "run exec-1"
            States.Format($.template, 'x', 2)                              | "x and 2"
            States.Format('no placeholders')                               | "no placeholders"
            States.StringToJson($.json)                                    | {"q": [1]}
            States.JsonToString($.obj)                                     | "{\\"k\\":\\"v\\",\\"n\\":[1,\\"two\\"]}"
            States.Array(1, 'two', $.n, States.Array())                    | [1, "two", 3, []]
            States.ArrayPartition($.list, 2)                               | [[1, 2], [2, 3], [1]]
            States.ArrayContains($.list, 3)                                | true
            States.ArrayContains($.list, 3.0)                              | true
            States.ArrayContains($.list, 'x')                              | false
            States.ArrayRange(1, 9, 2)                                     | [1, 3, 5, 7, 9]
            States.ArrayRange(5, 1, -2)                                    | [5, 3, 1]
            States.ArrayRange(1, 0, 1)                                     | []
            States.ArrayGetItem($.list, 3)                                 | 3
            States.ArrayLength($.list)                                     | 5
            States.ArrayUnique($.list)                                     | [1, 2, 3]
            States.Base64Encode('Data to encode')                          | "RGF0YSB0byBlbmNvZGU="
            States.Base64Decode('RGF0YSB0byBlbmNvZGU=')                    | "Data to encode"
            States.Hash('input data', 'SHA-1')                             | "aaff4a450a104cd177d28d18d74485e8cae074b7"
            States.Hash('input data', 'MD5')                               | "812f45842bc6d66ee14572ce20db8e86"
            States.JsonMerge($.a, $.b, false)                              | {"x": 1, "y": 2, "z": 3}
            States.MathAdd($.n, -1)                                        | 2
            States.MathAdd(1.5, 2.4)                                       | 4
            States.StringSplit($.csv, ',')                                 | ["a", "b", "c"]
            States.StringSplit('a+b-c', '+-')                              | ["a", "b", "c"]
            States.ArrayGetItem(States.StringSplit('x.y.z', '.'), 1)       | "y"
            States.Format('{}', $['odd key, with comma'])                  | "ok"
            """)
    void functionsComputeWhatStepFunctionsDocuments(String expression, String expected) {
        assertEquals(json(expected), eval(expression));
    }

    @Test
    void escapesFollowTheIntrinsicRules() {
        // In the definition JSON these are \\{ \\} \\' \\\\ ; in the intrinsic text a single backslash escapes.
        assertEquals("literal {} and Ada, it's \\ done",
                eval("States.Format('literal \\{\\} and {}, it\\'s \\\\ done', $.name)").textValue());
        assertEquals("{}", eval("States.Array('\\{\\}')").get(0).textValue());
    }

    @Test
    void randomAndUuidProduceFreshValues() {
        int value = eval("States.MathRandom(1, 10)").intValue();
        assertTrue(value >= 1 && value < 10);
        assertEquals(eval("States.MathRandom(1, 1000, 7)"), eval("States.MathRandom(1, 1000, 7)"));
        String uuid = eval("States.UUID()").textValue();
        assertTrue(Pattern.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", uuid));
        assertNotEquals(uuid, eval("States.UUID()").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "States.ArrayGetItem($.list, 9)",
        "States.ArrayGetItem($.list, 1.5)",
        "States.ArrayPartition($.list, 0)",
        "States.ArrayRange(1, 2000, 1)",
        "States.ArrayRange(1, 5, 0)",
        "States.ArrayLength($.name)",
        "States.StringToJson('{not json')",
        "States.JsonMerge($.a, $.b, true)",
        "States.JsonMerge($.a, $.list, false)",
        "States.Hash('x', 'SHA-3')",
        "States.Base64Decode('***')",
        "States.MathAdd('1', 2)",
        "States.MathRandom(5, 5)",
        "States.Format('{} {}', 'only one')",
        "States.Format($.n)"
    })
    void badArgumentsFailWithIntrinsicFailure(String expression) {
        StatesError e = assertThrows(StatesError.class, () -> eval(expression));
        assertEquals("States.IntrinsicFailure", e.error());
    }

    @Test
    void longInputsAreRejected() {
        JsonNode input = json("{\"s\": \"" + "x".repeat(10_001) + "\"}");
        StatesError e = assertThrows(StatesError.class,
                () -> Intrinsics.parse("States.Base64Encode($.s)").evaluate(input, CONTEXT));
        assertEquals("States.IntrinsicFailure", e.error());
    }

    @Test
    void missingPathArgumentsSurfaceAsNotFound() {
        assertThrows(JsonPath.NotFound.class, () -> eval("States.Format('{}', $.nope)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "States.Nope(1)", "States.Format(", "States.Array(1 2)", "States.ArrayLength()",
        "States.UUID(1)", "States.Format('x') trailing", "States.Array('open)", "States.Array(bogus)",
        "States.MathRandom(1, 2, 3, 4)"
    })
    void malformedCallsAreDefinitionErrors(String expression) {
        assertThrows(IllegalArgumentException.class, () -> Intrinsics.parse(expression));
    }
}

package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceRuleTest {
    private static final JsonNode INPUT = json("""
            {"s": "beta", "other": "alpha", "n": 5, "m": 5.0, "big": 7, "t": true, "f": false, "nil": null,
             "ts": "2024-03-14T01:59:00Z", "later": "2024-03-14T02:00:00.5+00:00", "file": "report-2024.pdf",
             "star": "a*b", "notTs": "2024-03-14 01:59:00"}""");
    private static final JsonNode CONTEXT = json("{\"Execution\": {\"Name\": \"beta\"}}");

    private static boolean matches(String rule) {
        return ChoiceRule.parse(json(rule)).matches(INPUT, CONTEXT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"Variable": "$.s", "StringEquals": "beta"}                                | true
            {"Variable": "$.s", "StringEquals": "Beta"}                                | false
            {"Variable": "$.s", "StringLessThan": "gamma"}                             | true
            {"Variable": "$.s", "StringGreaterThan": "alpha"}                          | true
            {"Variable": "$.s", "StringLessThanEquals": "beta"}                        | true
            {"Variable": "$.s", "StringGreaterThanEquals": "gamma"}                    | false
            {"Variable": "$.s", "StringEqualsPath": "$$.Execution.Name"}               | true
            {"Variable": "$.s", "StringGreaterThanPath": "$.other"}                    | true
            {"Variable": "$.n", "StringEquals": "5"}                                   | false
            {"Variable": "$.n", "NumericEquals": 5}                                    | true
            {"Variable": "$.m", "NumericEquals": 5}                                    | true
            {"Variable": "$.n", "NumericLessThan": 5.5}                                | true
            {"Variable": "$.n", "NumericGreaterThan": 5}                               | false
            {"Variable": "$.n", "NumericLessThanEquals": 5}                            | true
            {"Variable": "$.n", "NumericGreaterThanEquals": 6}                         | false
            {"Variable": "$.n", "NumericLessThanPath": "$.big"}                        | true
            {"Variable": "$.n", "NumericEqualsPath": "$.m"}                            | true
            {"Variable": "$.s", "NumericEquals": 5}                                    | false
            {"Variable": "$.t", "BooleanEquals": true}                                 | true
            {"Variable": "$.f", "BooleanEqualsPath": "$.t"}                            | false
            {"Variable": "$.ts", "TimestampEquals": "2024-03-14T01:59:00Z"}            | true
            {"Variable": "$.ts", "TimestampLessThan": "2024-03-14T02:00:00+01:00"}     | false
            {"Variable": "$.ts", "TimestampLessThanPath": "$.later"}                   | true
            {"Variable": "$.later", "TimestampGreaterThanEquals": "2024-03-14T02:00:00Z"} | true
            {"Variable": "$.later", "TimestampLessThanEquals": "2024-03-14T02:00:00Z"} | false
            {"Variable": "$.later", "TimestampGreaterThan": "2024-03-14T01:00:00Z"}    | true
            {"Variable": "$.notTs", "TimestampEquals": "2024-03-14T01:59:00Z"}         | false
            {"Variable": "$.file", "StringMatches": "report-*.pdf"}                    | true
            {"Variable": "$.file", "StringMatches": "*.csv"}                           | false
            {"Variable": "$.star", "StringMatches": "a\\\\*b"}                         | true
            {"Variable": "$.file", "StringMatches": "report\\\\*"}                     | false
            {"Variable": "$.nil", "IsNull": true}                                      | true
            {"Variable": "$.s", "IsNull": true}                                        | false
            {"Variable": "$.s", "IsPresent": true}                                     | true
            {"Variable": "$.nope", "IsPresent": false}                                 | true
            {"Variable": "$.nope", "IsPresent": true}                                  | false
            {"Variable": "$.n", "IsNumeric": true}                                     | true
            {"Variable": "$.s", "IsString": true}                                      | true
            {"Variable": "$.t", "IsBoolean": true}                                     | true
            {"Variable": "$.ts", "IsTimestamp": true}                                  | true
            {"Variable": "$.s", "IsTimestamp": false}                                  | true
            {"And": [{"Variable": "$.n", "NumericEquals": 5}, {"Variable": "$.t", "BooleanEquals": true}]} | true
            {"And": [{"Variable": "$.n", "NumericEquals": 5}, {"Variable": "$.f", "BooleanEquals": true}]} | false
            {"Or": [{"Variable": "$.n", "NumericEquals": 1}, {"Variable": "$.f", "BooleanEquals": false}]} | true
            {"Not": {"Variable": "$.s", "StringEquals": "beta"}}                       | false
            {"Not": {"Or": [{"Variable": "$.nope", "IsPresent": true}, {"Variable": "$.n", "IsString": true}]}} | true
            """)
    void operatorsCompareLikeStepFunctions(String rule, boolean expected) {
        assertEquals(expected, matches(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Variable\": \"$.nope\", \"StringEquals\": \"x\"}",
        "{\"Variable\": \"$.s\", \"StringEqualsPath\": \"$.nope\"}"
    })
    void aMissingVariableIsARuntimeError(String rule) {
        StatesError e = assertThrows(StatesError.class, () -> matches(rule));
        assertEquals("States.Runtime", e.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Variable\": \"$.s\"}",
        "{\"Variable\": \"$.s\", \"StringEquals\": 1}",
        "{\"Variable\": \"$.s\", \"NumericEquals\": \"1\"}",
        "{\"Variable\": \"$.s\", \"Unknown\": 1}",
        "{\"Variable\": \"$.s\", \"IsNullPath\": \"$.x\"}",
        "{\"Variable\": \"$.s\", \"StringEquals\": \"a\", \"NumericEquals\": 1}",
        "{\"Variable\": \"$.s[*]\", \"StringEquals\": \"a\"}",
        "{\"Variable\": \"$.s\", \"TimestampEquals\": \"yesterday\"}",
        "{\"And\": []}"
    })
    void malformedRulesAreRejected(String rule) {
        assertThrows(IllegalArgumentException.class, () -> ChoiceRule.parse(json(rule)));
    }
}

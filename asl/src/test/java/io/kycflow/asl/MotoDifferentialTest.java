package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Runs definitions that need no Lambda on moto's Step Functions interpreter (a moto_server subprocess on
 * 127.0.0.1, driven by the real SDK) and on {@link LocalStepFunctions}, and compares status, output and error.
 * Skipped when no python3 with moto is available.
 *
 * <p>Left out on purpose, because moto 5.2.1 differs from AWS there (and the interpreter follows AWS):
 * <ul>
 *   <li>a Choice comparison on a missing Variable: AWS fails with States.Runtime, moto treats it as no match;</li>
 *   <li>a Choice without a match and without Default: AWS fails with States.NoChoiceMatched, moto with
 *       States.Runtime;</li>
 *   <li>a missing {@code .$} path caught by States.ALL: AWS never lets Retry/Catch handle States.Runtime;</li>
 *   <li>escapes in intrinsic string literals ({@code \'}, <code>\{</code>, <code>\}</code>, {@code \\}):
 *       moto mangles them or fails with a KeyError;</li>
 *   <li>a path through an array element such as {@code $[0].a}: AWS (Jayway JsonPath) returns the value, moto
 *       wraps it in a list;</li>
 *   <li>a string as a whole execution output: moto returns it without JSON quotes, so the cases end in
 *       objects;</li>
 *   <li>random values (States.UUID, States.MathRandom without seed) and context values that differ per run.</li>
 * </ul>
 * moto 5.2.1 also fails every StartExecution after the first on one server ("cannot pickle
 * '_thread.RLock'"), so the test resets moto's state ({@link MotoServer#reset()}) before each case.
 */
class MotoDifferentialTest {
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(15);

    private static MotoServer moto;
    private static LocalStepFunctions local;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start(null);
        // Real seconds here: the waits in the cases are at most one second, as on moto.
        local = LocalStepFunctions.builder().build();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (local != null) {
            local.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** Name, definition, input. */
    static Stream<Arguments> cases() {
        String choice = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [
                    {"And": [{"Variable": "$.s", "IsString": true}, {"Variable": "$.s", "StringMatches": "ab*z"}],
                     "Next": "Matched"},
                    {"Or": [{"Variable": "$.n", "NumericGreaterThanEquals": 10},
                            {"Variable": "$.n", "NumericLessThanPath": "$.limit"}], "Next": "Numeric"},
                    {"Not": {"Variable": "$.b", "BooleanEquals": true}, "Next": "NotTrue"},
                    {"Variable": "$.t", "TimestampGreaterThan": "2024-01-01T00:00:00Z", "Next": "Later"},
                    {"Variable": "$.opt", "IsPresent": false, "Next": "NoOpt"},
                    {"Variable": "$.opt", "IsNull": true, "Next": "NullOpt"}],
                    "Default": "Other"},
                  "Matched": {"Type": "Pass", "Result": {"route": "matched"}, "End": true},
                  "Numeric": {"Type": "Pass", "Result": {"route": "numeric"}, "End": true},
                  "NotTrue": {"Type": "Pass", "Result": {"route": "not-true"}, "End": true},
                  "Later": {"Type": "Pass", "Result": {"route": "later"}, "End": true},
                  "NoOpt": {"Type": "Pass", "Result": {"route": "no-opt"}, "End": true},
                  "NullOpt": {"Type": "Pass", "Result": {"route": "null-opt"}, "End": true},
                  "Other": {"Type": "Pass", "End": true}}}""";
        String base = "\"s\": \"x\", \"n\": 1, \"limit\": 0, \"b\": true, \"t\": \"2020-01-01T00:00:00Z\"";
        return Stream.of(
                Arguments.of("pass-paths", """
                        {"StartAt": "A", "States": {
                          "A": {"Type": "Pass", "InputPath": "$.in", "Result": {"r": [1, 2]}, "ResultPath": "$.res",
                                "OutputPath": "$.res", "Next": "B"},
                          "B": {"Type": "Pass", "Parameters": {"first.$": "$.r[0]", "all.$": "$.r[*]",
                                "copy.$": "$", "nested": {"deep.$": "$.r[1]", "lit": [true, null]}},
                                "ResultPath": "$.p", "Next": "C"},
                          "C": {"Type": "Pass", "ResultPath": null, "Result": "dropped", "Next": "D"},
                          "D": {"Type": "Pass", "InputPath": null, "ResultPath": "$.fromEmpty", "End": true}}}""",
                        "{\"in\": {\"x\": 1}}"),
                Arguments.of("intrinsics", """
                        {"StartAt": "I", "States": {"I": {"Type": "Pass", "Parameters": {
                          "format.$": "States.Format('Hi {}, {} items', $.name, States.ArrayLength($.list))",
                          "objects.$": "States.Format('{} {} {}', $.a, $.list, $.none)",
                          "array.$": "States.Array($.name, 1, true)",
                          "partition.$": "States.ArrayPartition($.list, 2)",
                          "contains.$": "States.ArrayContains($.list, 3)",
                          "range.$": "States.ArrayRange(0, 10, 5)",
                          "item.$": "States.ArrayGetItem($.list, 1)",
                          "unique.$": "States.ArrayUnique($.list)",
                          "b64.$": "States.Base64Encode($.name)",
                          "unb64.$": "States.Base64Decode('S3ljZmxvdw==')",
                          "sha.$": "States.Hash($.name, 'SHA-256')",
                          "md5.$": "States.Hash($.name, 'MD5')",
                          "merged.$": "States.JsonMerge($.a, $.b, false)",
                          "toJson.$": "States.StringToJson($.text)",
                          "toText.$": "States.JsonToString($.a)",
                          "add.$": "States.MathAdd($.list[0], -5)",
                          "split.$": "States.StringSplit('a,b,c', ',')"},
                          "End": true}}}""",
                        "{\"name\": \"Ada\", \"list\": [1, 3, 3, 7], \"a\": {\"x\": 1, \"y\": 1}, \"b\": {\"y\": 2},"
                                + " \"text\": \"{\\\"k\\\": [1]}\", \"none\": null}"),
                Arguments.of("choice-matches", choice, "{\"s\": \"abcz\", \"n\": 1, \"limit\": 0, \"b\": true}"),
                Arguments.of("choice-numeric", choice, "{" + base.replace("\"n\": 1", "\"n\": 12") + "}"),
                Arguments.of("choice-path", choice, "{" + base.replace("\"limit\": 0", "\"limit\": 5") + "}"),
                Arguments.of("choice-not", choice, "{" + base.replace("\"b\": true", "\"b\": false") + "}"),
                Arguments.of("choice-timestamp", choice, "{" + base.replace("2020", "2025") + "}"),
                Arguments.of("choice-absent", choice, "{" + base + "}"),
                Arguments.of("choice-null", choice, "{" + base + ", \"opt\": null}"),
                Arguments.of("choice-default", choice, "{" + base + ", \"opt\": 1}"),
                Arguments.of("waits", """
                        {"StartAt": "S", "States": {
                          "S": {"Type": "Wait", "Seconds": 1, "Next": "SP"},
                          "SP": {"Type": "Wait", "SecondsPath": "$.zero", "Next": "T"},
                          "T": {"Type": "Wait", "Timestamp": "2020-01-01T00:00:00Z", "Next": "TP"},
                          "TP": {"Type": "Wait", "TimestampPath": "$.past", "OutputPath": "$.zero", "End": true}}}""",
                        "{\"zero\": 0, \"past\": \"2021-06-01T10:00:00Z\"}"),
                Arguments.of("parallel", """
                        {"StartAt": "P", "States": {"P": {"Type": "Parallel",
                          "Parameters": {"v.$": "$.value"},
                          "Branches": [
                            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a.$": "$.v"}, "End": true}}},
                            {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "b", "End": true}}}],
                          "ResultSelector": {"second.$": "$[1]", "both.$": "$"},
                          "ResultPath": "$.results", "End": true}}}""", "{\"value\": 5}"),
                Arguments.of("parallel-caught", """
                        {"StartAt": "P", "States": {
                          "P": {"Type": "Parallel", "Branches": [
                            {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                            {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Branch.Boom",
                                                                   "Cause": "boom"}}}],
                            "Retry": [{"ErrorEquals": ["Branch.Boom"], "IntervalSeconds": 1, "MaxAttempts": 1}],
                            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done"}],
                            "End": true},
                          "Done": {"Type": "Pass", "End": true}}}""", "{\"keep\": 1}"),
                Arguments.of("map", """
                        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
                          "ItemSelector": {"i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value", "p.$": "$.prefix"},
                          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "F", "States": {
                            "F": {"Type": "Pass", "Parameters": {"s.$": "States.Format('{}{}={}', $.p, $.i, $.v)"},
                                  "OutputPath": "$.s", "End": true}}},
                          "ResultPath": "$.out", "End": true}}}""",
                        "{\"items\": [\"a\", \"b\", \"c\"], \"prefix\": \"#\"}"),
                Arguments.of("map-iterator", """
                        {"StartAt": "M", "States": {"M": {"Type": "Map",
                          "Parameters": {"x.$": "$$.Map.Item.Value"},
                          "Iterator": {"StartAt": "I", "States": {"I": {"Type": "Pass", "OutputPath": "$.x",
                                                                          "End": true}}},
                          "End": true}}}""", "[1, {\"k\": 2}, [3]]"),
                Arguments.of("map-fails", """
                        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "C", "States": {
                            "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}],
                                  "Default": "Ok"},
                            "Bad": {"Type": "Fail", "Error": "Item.Bad", "Cause": "two"},
                            "Ok": {"Type": "Succeed"}}}, "End": true}}}""", "[1, 2, 3]"),
                Arguments.of("fail-static", """
                        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Custom.Error",
                                                         "Cause": "static"}}}""", "{}"),
                Arguments.of("fail-dynamic", """
                        {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.code",
                          "CausePath": "States.Format('item {} failed', $.id)"}}}""", "{\"code\": \"E42\", \"id\": 7}"),
                Arguments.of("succeed", """
                        {"StartAt": "S", "States": {"S": {"Type": "Succeed", "InputPath": "$.a",
                                                         "OutputPath": "$.b"}}}""", "{\"a\": {\"b\": [1, 2]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void localMatchesMoto(String name, String definition, String input) throws Exception {
        // Assumed per case rather than in @BeforeAll so that the reports show each case as skipped.
        assumeTrue(moto != null, MotoServer.NOT_AVAILABLE);
        // Both run at the same time; the waits in some cases then cost their seconds once.
        String localExecution = local.startExecution(
                local.createStateMachine(Fixtures.uniqueName(name), definition), null, input);
        moto.reset();
        String machine = moto.sfn().createStateMachine(r -> r.name(Fixtures.uniqueName(name))
                .definition(definition).roleArn("arn:aws:iam::123456789012:role/moto")).stateMachineArn();
        String execution = moto.sfn().startExecution(r -> r.stateMachineArn(machine)
                .name(Fixtures.uniqueName(name)).input(input)).executionArn();
        DescribeExecutionResponse onMoto = moto.awaitExecution(execution, FINISH_WITHIN);
        assertNotEquals("RUNNING", onMoto.statusAsString(), "moto did not finish");
        ExecutionInfo onLocal = local.awaitExecution(localExecution, FINISH_WITHIN);

        assertEquals(onMoto.statusAsString(), onLocal.status().name(), "status");
        assertEquals(onMoto.error(), onLocal.error(), "error");
        if (onMoto.output() != null || onLocal.output() != null) {
            assertEquals(json(onMoto.output()), json(onLocal.output()), "output");
        }
    }
}

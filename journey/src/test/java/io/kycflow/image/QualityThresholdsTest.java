package io.kycflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityThresholdsTest {

    @Test
    void noVariablesGiveTheDefaults() {
        assertEquals(QualityThresholds.DEFAULTS, QualityThresholds.fromEnvironment(Map.of("PATH", "/usr/bin")));
        assertEquals(new QualityThresholds(600, 15, 50, 235, 0.02, 5), QualityThresholds.DEFAULTS);
    }

    @Test
    void everyVariableIsRead() {
        QualityThresholds thresholds = QualityThresholds.fromEnvironment(Map.of(
                "KYCFLOW_QA_MIN_SHORT_SIDE", "720",
                "KYCFLOW_QA_MIN_FOCUS", "42.5",
                "KYCFLOW_QA_MIN_BRIGHTNESS", "60",
                "KYCFLOW_QA_MAX_BRIGHTNESS", "230",
                "KYCFLOW_QA_MAX_GLARE_RATIO", "0.05",
                "KYCFLOW_QA_MIN_COLORNESS", "3"));
        assertEquals(new QualityThresholds(720, 42.5, 60, 230, 0.05, 3), thresholds);
    }

    @Test
    void blankValuesKeepTheDefaultAndSpacesAreIgnored() {
        QualityThresholds thresholds = QualityThresholds.fromEnvironment(Map.of(
                "KYCFLOW_QA_MIN_FOCUS", "  ", "KYCFLOW_QA_MIN_SHORT_SIDE", " 800 "));
        assertEquals(QualityThresholds.DEFAULTS.minFocus(), thresholds.minFocus());
        assertEquals(800, thresholds.minShortSide());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "KYCFLOW_QA_MIN_FOCUS       | abc  | KYCFLOW_QA_MIN_FOCUS must be a number, was 'abc'",
            "KYCFLOW_QA_MIN_SHORT_SIDE  | 600.5| KYCFLOW_QA_MIN_SHORT_SIDE must be a whole number, was '600.5'",
            "KYCFLOW_QA_MAX_GLARE_RATIO | 2%   | KYCFLOW_QA_MAX_GLARE_RATIO must be a number, was '2%'",
            "KYCFLOW_QA_MIN_COLORNESS   | NaN  | KYCFLOW_QA_MIN_COLORNESS must be a number, was 'NaN'",
            "KYCFLOW_QA_MIN_FOCUS       | Infinity | KYCFLOW_QA_MIN_FOCUS must be a number, was 'Infinity'",
            "KYCFLOW_QA_MIN_SHORT_SIDE  | 0    | KYCFLOW_QA_MIN_SHORT_SIDE must be at least 1, was 0",
            "KYCFLOW_QA_MIN_FOCUS       | -1   | KYCFLOW_QA_MIN_FOCUS must be 0 or more, was -1.0",
            "KYCFLOW_QA_MAX_BRIGHTNESS  | 300  | KYCFLOW_QA_MAX_BRIGHTNESS must be within 0-255, was 300.0",
            "KYCFLOW_QA_MAX_GLARE_RATIO | 1.5  | KYCFLOW_QA_MAX_GLARE_RATIO must be within 0-1, was 1.5",
            "KYCFLOW_QA_MIN_BRIGHTNESS  | 240  | KYCFLOW_QA_MIN_BRIGHTNESS must be below KYCFLOW_QA_MAX_BRIGHTNESS "
                    + "(235.0), was 240.0",
    })
    void invalidValuesAreRefusedNamingTheVariable(String variable, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QualityThresholds.fromEnvironment(Map.of(variable, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void programmaticThresholdsAreCheckedToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QualityThresholds(600, 15, 50, 235, -0.1, 5));
        assertTrue(e.getMessage().startsWith("KYCFLOW_QA_MAX_GLARE_RATIO"), e.getMessage());
    }
}

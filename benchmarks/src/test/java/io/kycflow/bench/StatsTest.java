package io.kycflow.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsTest {

    @Test
    void twentyValuesInAnyOrder() {
        List<Integer> values = IntStream.rangeClosed(1, 20).map(i -> 21 - i).boxed().toList();
        assertEquals(new Stats(20, 1, 10.5, 19, 20), Stats.of(values));
    }

    @Test
    void oddCountHasAMeasuredMedian() {
        assertEquals(new Stats(5, 100, 300, 900, 900), Stats.of(List.of(900.0, 100.0, 300.0, 200.0, 400.0)));
    }

    @Test
    void p95IsTheNearestRank() {
        // 95% of 21 is 19.95: the 20th value.
        List<Integer> values = IntStream.rangeClosed(1, 21).boxed().toList();
        assertEquals(20, Stats.of(values).p95());
        assertEquals(95, Stats.of(IntStream.rangeClosed(1, 100).boxed().toList()).p95());
    }

    @Test
    void oneValueIsEveryStatistic() {
        assertEquals(new Stats(1, 7, 7, 7, 7), Stats.of(List.of(7L)));
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
    }
}

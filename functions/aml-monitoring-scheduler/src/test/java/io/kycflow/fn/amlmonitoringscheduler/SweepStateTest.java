package io.kycflow.fn.amlmonitoringscheduler;

import io.kycflow.store.KycflowTable;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which run the sweep does: the due/version logic, without any backend. */
class SweepStateTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void aVersionNeverSweptInFullIsSweptInFull() {
        SweepState.Run run = SweepState.NONE.next("s1", NOW);
        assertTrue(run.full());
        assertEquals("s1", run.snapshot());
        assertEquals(0, run.shard());
        assertNull(run.cursor());
    }

    @Test
    void onceSweptInFullOnlyTheDueSubjectsAreSwept() {
        SweepState swept = new SweepState("s1", null, 3);
        SweepState.Run run = swept.next("s1", NOW);
        assertEquals(NOW, run.dueBy());
        assertEquals("s1", swept.completed(swept.next("s1", NOW)).sweptSnapshot());
    }

    @Test
    void aRunUnderWayIsResumedFromItsCheckpoint() {
        SweepState.Run full = new SweepState.Run("s1", null, 5, Map.of("pk", KycflowTable.s("TENANT#t")));
        assertSame(full, new SweepState(null, full, 7).next("s1", NOW));
        SweepState.Run due = new SweepState.Run("s1", NOW - 60_000, 2, null);
        assertSame(due, new SweepState("s1", due, 7).next("s1", NOW));
    }

    @Test
    void aNewerVersionRestartsWithAFullSweepOfIt() {
        SweepState.Run due = new SweepState.Run("s1", NOW - 60_000, 2, null);
        SweepState.Run afterDue = new SweepState("s1", due, 7).next("s2", NOW);
        assertTrue(afterDue.full());
        assertEquals("s2", afterDue.snapshot());
        assertEquals(0, afterDue.shard());

        SweepState.Run full = new SweepState.Run("s1", null, 5, null);
        SweepState.Run afterFull = new SweepState(null, full, 7).next("s2", NOW);
        assertEquals(new SweepState.Run("s2", null, 0, null), afterFull);
    }

    @Test
    void onlyAFullRunMarksItsVersionSwept() {
        SweepState state = new SweepState("s1", null, 1);
        assertEquals("s1", state.completed(new SweepState.Run("s1", NOW, 8, null)).sweptSnapshot());
        assertEquals("s2", state.completed(new SweepState.Run("s2", null, 8, null)).sweptSnapshot());
        assertNull(state.completed(new SweepState.Run("s2", null, 8, null)).run());
    }
}

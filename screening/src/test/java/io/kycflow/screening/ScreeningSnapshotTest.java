package io.kycflow.screening;

import io.kycflow.testing.SanctionsFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The snapshot of the real lists' index: loads fast, screens the same, refuses damaged bytes. */
class ScreeningSnapshotTest {

    private static byte[] snapshot;
    private static ScreeningIndex loaded;

    @BeforeAll
    static void roundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SanctionsFixtures.index().writeSnapshot(out);
        snapshot = out.toByteArray();
        long start = System.nanoTime();
        loaded = ScreeningIndex.readSnapshot(new ByteArrayInputStream(snapshot));
        System.out.printf("screening snapshot: %d bytes, loaded in %d ms (first load in this JVM)%n",
                snapshot.length, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void loadedIndexScreensTheSame() {
        ScreeningIndex built = SanctionsFixtures.index();
        assertEquals(built.entryCount(), loaded.entryCount());
        assertEquals(built.nameCount(), loaded.nameCount());
        assertEquals(built.listVersions(), loaded.listVersions());
        List<ScreeningQuery> queries = List.of(ScreeningQuery.byName("Vladimir Putin", 70),
                ScreeningQuery.byName("Владимир Путин", 70), ScreeningQuery.byName("Abu Bakr al Baghdadi", 60),
                ScreeningQuery.byName("Kim Jong Un", 80), ScreeningQuery.byName("Banco Nacional de Cuba", 80),
                new ScreeningQuery("Mohammed Ali", SubjectType.PERSON, "1970", "IRQ", "A1234567", "Iraq",
                        Set.of(), 75));
        for (ScreeningQuery query : queries) {
            assertEquals(built.screen(query), loaded.screen(query), query.name());
        }
        String eth = SanctionsFixtures.lists().getFirst().entities().stream().flatMap(e -> e.digitalCurrencyAddresses().stream())
                .filter(a -> a.currency().equals("ETH")).findFirst().orElseThrow().address();
        assertEquals(built.findAddress(eth), loaded.findAddress(eth));
    }

    @Test
    void loadingAgainIsFast() throws IOException {
        long start = System.nanoTime();
        ScreeningIndex again = ScreeningIndex.readSnapshot(new ByteArrayInputStream(snapshot));
        System.out.printf("screening snapshot loaded again (warm JVM) in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(loaded.nameCount(), again.nameCount());
    }

    @Test
    void refusesTruncatedSnapshots() {
        for (int length : new int[] {0, 5, 12, snapshot.length / 2, snapshot.length - 1}) {
            IOException e = assertThrows(IOException.class,
                    () -> ScreeningIndex.readSnapshot(new ByteArrayInputStream(Arrays.copyOf(snapshot, length))));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("magic"), e.getMessage());
        }
    }

    @Test
    void refusesCorruptedSnapshots() {
        byte[] corrupted = snapshot.clone();
        corrupted[corrupted.length / 2] ^= 0x10;
        IOException e = assertThrows(IOException.class, () -> ScreeningIndex.readSnapshot(new ByteArrayInputStream(corrupted)));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());

        byte[] badMagic = snapshot.clone();
        badMagic[0] = 'X';
        e = assertThrows(IOException.class, () -> ScreeningIndex.readSnapshot(new ByteArrayInputStream(badMagic)));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }
}

package io.kycflow.testing;

import io.kycflow.sanctions.ListFileSet;
import io.kycflow.sanctions.ListValidationException;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsData;
import io.kycflow.screening.ScreeningIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The real sanctions lists ({@link SanctionsData#dir()}) for tests of any module: parsed and indexed once per JVM.
 * Tests are skipped when the data is absent.
 */
public final class SanctionsFixtures {
    private static List<ParsedList> lists;
    private static ScreeningIndex index;

    private SanctionsFixtures() {
    }

    /** The sanctions data directory (ofac/, un/). */
    public static Path listsDir() {
        return SanctionsData.dir();
    }

    /** OFAC SDN then the UN consolidated list, parsed. */
    public static synchronized List<ParsedList> lists() {
        if (lists == null) {
            try {
                lists = ListFileSet.parseDirectory(listsDir());
            } catch (IOException | ListValidationException e) {
                throw new IllegalStateException("the real lists do not parse", e);
            }
        }
        return lists;
    }

    /** An index of both lists; prints how long building it took. */
    public static synchronized ScreeningIndex index() {
        if (index == null) {
            List<ParsedList> parsed = lists();
            long start = System.nanoTime();
            index = ScreeningIndex.build(parsed);
            System.out.printf("screening index built from parsed lists in %d ms: %d entries, %d names%n",
                    (System.nanoTime() - start) / 1_000_000, index.entryCount(), index.nameCount());
        }
        return index;
    }
}

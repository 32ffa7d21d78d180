package io.kycflow.testing;

import io.kycflow.sanctions.ListValidationException;
import io.kycflow.sanctions.OfacSdnParser;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.UnConsolidatedParser;
import io.kycflow.screening.ScreeningIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real sanctions lists (../shared/data/sanctions, as the build's kycflow.shared.dir says) for tests of other
 * modules: parsed and indexed once per JVM. Tests are skipped when the data is absent.
 */
public final class SanctionsFixtures {
    private static List<ParsedList> lists;
    private static ScreeningIndex index;

    private SanctionsFixtures() {
    }

    /** The sanctions data directory (ofac/, un/). */
    public static Path listsDir() {
        String shared = System.getProperty("kycflow.shared.dir");
        assumeTrue(shared != null, "kycflow.shared.dir is not set (the Maven build sets it to <project>/../shared)");
        Path dir = Path.of(shared, "data", "sanctions");
        assumeTrue(Files.isDirectory(dir), "the real sanctions lists are not at " + dir + "; skipped");
        return dir;
    }

    /** OFAC SDN and the UN consolidated list, parsed. */
    public static synchronized List<ParsedList> lists() {
        if (lists == null) {
            Path dir = listsDir();
            try {
                lists = List.of(new OfacSdnParser().parse(dir.resolve("ofac")),
                        new UnConsolidatedParser().parse(dir.resolve("un").resolve("consolidated.xml")));
            } catch (IOException | ListValidationException e) {
                throw new IllegalStateException("the real lists do not parse", e);
            }
        }
        return lists;
    }

    /** An index of both lists. */
    public static synchronized ScreeningIndex index() {
        if (index == null) {
            index = ScreeningIndex.build(lists());
        }
        return index;
    }
}

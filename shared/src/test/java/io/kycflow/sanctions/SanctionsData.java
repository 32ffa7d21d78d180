package io.kycflow.sanctions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real list files are: ../shared/data/sanctions, as the build's kycflow.shared.dir says. */
final class SanctionsData {

    private SanctionsData() {
    }

    /** The sanctions data directory; the calling test is skipped when it is absent. */
    static Path dir() {
        String shared = System.getProperty("kycflow.shared.dir");
        assumeTrue(shared != null, "kycflow.shared.dir is not set (the Maven build sets it to <project>/../shared)");
        Path dir = Path.of(shared, "data", "sanctions");
        assumeTrue(Files.isDirectory(dir), "the real sanctions lists are not at " + dir + "; skipped");
        return dir;
    }
}

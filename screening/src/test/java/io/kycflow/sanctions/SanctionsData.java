package io.kycflow.sanctions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real data files are: the kycflow.shared.dir system property (the build sets it to
 * {@code <project>/../shared}) or, when that is unset or has no data (a worktree elsewhere, a run from an IDE),
 * the first {@code shared/data} found walking up from the working directory.
 */
public final class SanctionsData {

    private SanctionsData() {
    }

    /** The sanctions data directory; the calling test is skipped when it is absent. */
    public static Path dir() {
        return existing(Path.of("sanctions"));
    }

    /** The name-matching test data directory; the calling test is skipped when it is absent. */
    public static Path nameMatchingDir() {
        return existing(Path.of("name-matching"));
    }

    private static Path existing(Path underData) {
        Path data = dataDir();
        assumeTrue(data != null, "no shared data directory: set kycflow.shared.dir (the Maven build sets it to "
                + "<project>/../shared); skipped");
        Path dir = data.resolve(underData);
        assumeTrue(Files.isDirectory(dir), "the data is not at " + dir + "; skipped");
        return dir;
    }

    private static Path dataDir() {
        String shared = System.getProperty("kycflow.shared.dir");
        if (shared != null && Files.isDirectory(Path.of(shared, "data", "sanctions"))) {
            return Path.of(shared, "data");
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("sanctions"))) {
                return candidate;
            }
        }
        return null;
    }
}

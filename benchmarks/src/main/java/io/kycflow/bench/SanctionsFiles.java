package io.kycflow.bench;

import io.kycflow.sanctions.ListValidationException;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.sanctions.ParsedList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real OFAC and UN list files the screening benchmarks read. */
final class SanctionsFiles {

    /** The system property that tells the forked benchmark JVMs where the files are. */
    static final String PROPERTY = "kycflow.sanctions.dir";

    private SanctionsFiles() {
    }

    /** The first shared/data/sanctions found walking up from {@code start} (the project's ../shared in a checkout). */
    static Path find(Path start) {
        for (Path at = start.toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("data").resolve("sanctions");
            if (Files.isDirectory(candidate.resolve("ofac"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/sanctions above " + start + "; pass --data DIR");
    }

    /** The directory the forked JVM was given. */
    static Path dir() {
        return Path.of(System.getProperty(PROPERTY, find(Path.of("")).toString()));
    }

    /** Every list in the directory, parsed. */
    static List<ParsedList> parse(Path dir) throws IOException, ListValidationException {
        return ListFileSet.parseDirectory(dir);
    }
}

package io.kycflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A section of docs/PERFORMANCE.md that one benchmark writes on its own, between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->}; the rest of the page is left as it is, and {@code ./kycflow bench} carries these
 * sections over when it rewrites the page.
 */
record ReportSection(String name) {
    static final ReportSection SCREENING = new ReportSection("screening");
    static final ReportSection MONITORING = new ReportSection("monitoring");
    static final ReportSection MRZ_OCR = new ReportSection("mrz-ocr");
    /** The sections other benchmarks than {@code ./kycflow bench}'s own write. */
    static final List<ReportSection> ALL = List.of(SCREENING, MONITORING, MRZ_OCR);

    String begin() {
        return "<!-- " + name + ":begin -->";
    }

    String end() {
        return "<!-- " + name + ":end -->";
    }

    /** {@code document} with this section (markers included) replaced by {@code section}, or appended. */
    String replaceIn(String document, String section) {
        int begin = document.indexOf(begin());
        int end = document.indexOf(end());
        if (begin >= 0 && end > begin) {
            return document.substring(0, begin) + section + document.substring(end + end().length());
        }
        return document + (document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n")
                + section + "\n";
    }

    /** This section of {@code document}, markers included, if it has one. */
    Optional<String> in(String document) {
        int begin = document.indexOf(begin());
        int end = document.indexOf(end());
        return begin >= 0 && end > begin ? Optional.of(document.substring(begin, end + end().length())) : Optional.empty();
    }

    /** Writes {@code section} (markers included) into the report file, creating it if need be. */
    void write(Path report, String section) throws IOException {
        String existing = Files.isRegularFile(report) ? Files.readString(report) : "";
        Files.writeString(report, replaceIn(existing, section));
    }
}

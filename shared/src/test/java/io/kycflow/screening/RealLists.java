package io.kycflow.screening;

import io.kycflow.sanctions.OfacSdnParser;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsData;
import io.kycflow.sanctions.UnConsolidatedParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The real OFAC and UN lists and their index, parsed and built once for all screening tests. */
final class RealLists {

    private static List<ParsedList> lists;
    private static ScreeningIndex index;

    private RealLists() {
    }

    /** OFAC SDN then UN consolidated; the calling test is skipped when the files are absent. */
    static synchronized List<ParsedList> lists() {
        if (lists == null) {
            try {
                lists = List.of(new OfacSdnParser().parse(SanctionsData.dir().resolve("ofac")),
                        new UnConsolidatedParser().parse(SanctionsData.dir().resolve("un").resolve("consolidated.xml")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the real lists do not parse", e);
            }
        }
        return lists;
    }

    static synchronized ScreeningIndex index() {
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

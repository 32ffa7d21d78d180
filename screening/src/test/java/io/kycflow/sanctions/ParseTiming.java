package io.kycflow.sanctions;

import java.nio.file.Path;

/**
 * Times a full parse of the real OFAC and UN lists (not a test; run by hand). Pass the shared directory as the
 * first argument, e.g. {@code ../shared}. Each list is parsed a few times so the last figure is warm.
 */
public final class ParseTiming {

    private ParseTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared", "data", "sanctions");
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            ParsedList ofac = new OfacSdnParser().parse(dir.resolve("ofac"));
            long ofacDone = System.nanoTime();
            ParsedList un = new UnConsolidatedParser().parse(dir.resolve("un").resolve("consolidated.xml"));
            long unDone = System.nanoTime();
            System.out.printf("round %d: OFAC %d entries, %d aliases in %d ms; UN %d entries, %d aliases in %d ms%n",
                    round, ofac.entities().size(), ofac.aliasCount(), (ofacDone - start) / 1_000_000,
                    un.entities().size(), un.aliasCount(), (unDone - ofacDone) / 1_000_000);
        }
    }
}

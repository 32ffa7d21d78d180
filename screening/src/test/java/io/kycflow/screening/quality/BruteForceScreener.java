package io.kycflow.screening.quality;

import io.kycflow.matching.JaroWinkler;
import io.kycflow.matching.NameKind;
import io.kycflow.matching.NameMatcher;
import io.kycflow.matching.PreparedName;
import io.kycflow.sanctions.Alias;
import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.screening.quality.ListedVariants.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * A screener that scores every listed name with a name-pair scorer and ignores every other field (type, date of
 * birth): the baselines the match decision is compared with in docs/SCREENING.md.
 */
public final class BruteForceScreener implements QualityMeasure.Screener {

    private final String label;
    private final ToIntBiFunction<PreparedName, PreparedName> scorer;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String list, String sourceId, PreparedName[] names) {
    }

    private BruteForceScreener(String label, List<ParsedList> lists, ToIntBiFunction<PreparedName, PreparedName> scorer) {
        this.label = label;
        this.scorer = scorer;
        List<ListedEntity> all = lists.stream().flatMap(list -> list.entities().stream()).toList();
        all.parallelStream().map(entity -> {
            NameKind kind = entity.type() == EntityType.PERSON ? NameKind.PERSON : NameKind.UNKNOWN;
            List<PreparedName> names = new ArrayList<>();
            names.add(PreparedName.of(entity.primaryName(), kind));
            for (Alias alias : entity.aliases()) {
                names.add(PreparedName.of(alias.name(), kind));
            }
            return new Entry(entity.list().name(), entity.sourceId(), names.toArray(PreparedName[]::new));
        }).forEachOrdered(entries::add);
    }

    /** The OFAC-compatible score kycflow screened with before the match decision (its {@code ofac_score} now). */
    public static BruteForceScreener ofacCompatible(List<ParsedList> lists) {
        NameMatcher matcher = new NameMatcher();
        return new BruteForceScreener("OFAC-compatible score (previous behaviour)", lists, matcher::score);
    }

    /**
     * Plain token Jaro-Winkler, as Watchman scores: each query part takes its best Jaro-Winkler similarity against
     * the listed name's parts, and the score is their mean.
     */
    public static BruteForceScreener tokenJaroWinkler(List<ParsedList> lists) {
        return new BruteForceScreener("plain token Jaro-Winkler (Watchman-like)", lists, (query, name) -> {
            List<String> q = query.tokens();
            List<String> c = name.tokens();
            if (q.isEmpty() || c.isEmpty()) {
                return 0;
            }
            double sum = 0;
            for (String part : q) {
                double best = 0;
                for (String other : c) {
                    best = Math.max(best, JaroWinkler.textbook(part, other));
                }
                sum += best;
            }
            return (int) Math.round(100 * sum / q.size());
        });
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int ownScore(Variant variant) {
        PreparedName query = PreparedName.of(variant.query());
        int best = 0;
        for (Entry entry : entries) {
            if (entry.sourceId().equals(variant.sourceId()) && entry.list().equals(variant.list().name())) {
                best = Math.max(best, entryScore(query, entry));
            }
        }
        return best;
    }

    @Override
    public int bestScore(String name, String dateOfBirth) {
        PreparedName query = PreparedName.of(name, NameKind.PERSON);
        int best = 0;
        for (Entry entry : entries) {
            best = Math.max(best, entryScore(query, entry));
        }
        return best;
    }

    private int entryScore(PreparedName query, Entry entry) {
        int best = 0;
        for (PreparedName name : entry.names()) {
            best = Math.max(best, scorer.applyAsInt(query, name));
        }
        return best;
    }
}

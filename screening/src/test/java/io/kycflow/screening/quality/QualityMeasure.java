package io.kycflow.screening.quality;

import io.kycflow.matching.NameKind;
import io.kycflow.matching.PreparedName;
import io.kycflow.sanctions.Alias;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.screening.quality.ListedVariants.Kind;
import io.kycflow.screening.quality.ListedVariants.Variant;
import io.kycflow.screening.quality.UnlistedNames.Name;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Measures a screener on listed-name variants (which must find their own entry) and unlisted names (which should
 * find nothing): recall and the share of unlisted names flagged at each minimum score, by variant kind, with and
 * without a date of birth. The unlisted names a list actually has are removed first.
 */
public final class QualityMeasure {

    /** The lowest score measured; every threshold of the curve is at least this. */
    public static final int FLOOR = 50;
    /** The thresholds the curve reports. */
    public static final int[] THRESHOLDS = {50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100};

    /** What is measured. Scores below {@link #FLOOR} may be reported as 0. */
    public interface Screener {
        String label();

        /** The score the variant's own entry gets when its query is screened by name (and type) only. */
        int ownScore(Variant variant);

        /** The best score any entry gets for a person's name, with a date of birth when not null. */
        int bestScore(String name, String dateOfBirth);
    }

    /** The sets measured: the positives, and the unlisted names that no list has. */
    public record Sets(List<Variant> positives, List<Name> negatives, int removedAsListed) {
    }

    /** A screener's scores on the sets. */
    public record Outcome(String screener, Sets sets, int[] own, int[] best, int[] bestWithBirthDate) {

        /** Share of positives whose own entry scores at least {@code threshold}. */
        public double recall(int threshold) {
            return share(own, threshold);
        }

        /** Share of unlisted names with any hit at {@code threshold} or above. */
        public double flagged(int threshold) {
            return share(best, threshold);
        }

        /** As {@link #flagged}, the names screened with a date of birth (no listed one shares it). */
        public double flaggedWithBirthDate(int threshold) {
            return share(bestWithBirthDate, threshold);
        }

        /** Positives found and missed at {@code threshold}, per kind. */
        public Map<Kind, int[]> byKind(int threshold) {
            Map<Kind, int[]> out = new EnumMap<>(Kind.class);
            for (int i = 0; i < own.length; i++) {
                int[] counts = out.computeIfAbsent(sets.positives().get(i).kind(), k -> new int[2]);
                counts[own[i] >= threshold ? 0 : 1]++;
            }
            return out;
        }

        private static double share(int[] scores, int threshold) {
            long hits = IntStream.of(scores).filter(s -> s >= threshold).count();
            return scores.length == 0 ? 0 : (double) hits / scores.length;
        }
    }

    private QualityMeasure() {
    }

    /**
     * The positives and negatives of one split ("dev" or "test"): {@code perKind} variants of each kind over both
     * splits, and the unlisted names of the split minus those a list has (the same parts as a listed name, in any
     * order, or the same variant keys: another spelling of it).
     */
    public static Sets sets(List<ParsedList> lists, String split, int perKind) {
        List<Variant> positives = ListedVariants.generate(lists, perKind, 20261205L).stream()
                .filter(v -> v.split().equals(split)).toList();
        Set<String> listed = new HashSet<>();
        List<String> listedNames = new ArrayList<>();
        for (ParsedList list : lists) {
            for (ListedEntity entity : list.entities()) {
                listedNames.add(entity.primaryName());
                entity.aliases().stream().map(Alias::name).forEach(listedNames::add);
            }
        }
        listedNames.parallelStream().map(n -> signatures(n, NameKind.UNKNOWN)).toList().forEach(listed::addAll);
        List<Name> negatives = new ArrayList<>();
        int removed = 0;
        for (Name name : UnlistedNames.load()) {
            if (!name.split().equals(split)) {
                continue;
            }
            if (signatures(name.name(), NameKind.PERSON).stream().anyMatch(listed::contains)) {
                removed++;
            } else {
                negatives.add(name);
            }
        }
        return new Sets(positives, negatives, removed);
    }

    /** A name's parts and their variant keys, each sorted: equal for the same name in any order and spelling. */
    private static List<String> signatures(String name, NameKind kind) {
        PreparedName prepared = PreparedName.of(name, kind);
        if (prepared.tokens().isEmpty()) {
            return List.of();
        }
        return List.of("T:" + String.join(" ", prepared.tokens().stream().sorted().toList()),
                "K:" + String.join(" ", prepared.keys().stream().sorted().toList()));
    }

    /** Measures a screener on the sets, in parallel. */
    public static Outcome measure(Screener screener, Sets sets) {
        List<Variant> positives = sets.positives();
        List<Name> negatives = sets.negatives();
        int[] own = IntStream.range(0, positives.size()).parallel()
                .map(i -> screener.ownScore(positives.get(i))).toArray();
        int[] best = IntStream.range(0, negatives.size()).parallel()
                .map(i -> screener.bestScore(negatives.get(i).name(), null)).toArray();
        int[] withBirthDate = IntStream.range(0, negatives.size()).parallel()
                .map(i -> screener.bestScore(negatives.get(i).name(), birthDate(negatives.get(i).name()))).toArray();
        return new Outcome(screener.label(), sets, own, best, withBirthDate);
    }

    /** A date of birth between 1940 and 2005 that the name always gets. */
    public static String birthDate(String name) {
        int h = Math.floorMod(name.hashCode(), 66 * 12 * 28);
        return String.format("%04d-%02d-%02d", 1940 + h % 66, 1 + h / 66 % 12, 1 + h / (66 * 12));
    }
}

package io.kycflow.bench;

import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.screening.ScreeningQuery;
import io.kycflow.screening.ScreeningResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One screening against the full OFAC and UN index, single-threaded, the query rotating through a realistic mix:
 * listed names with a typo, common names that are not listed, and names in other scripts.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScreenBenchmark {

    /** Common names that are not (all) listed, as most screened customers are not. */
    private static final List<String> UNLISTED = List.of("John Smith", "Maria Garcia Lopez", "Wei Zhang",
            "Olga Ivanova", "Mohammed Ali Hassan", "James Brown", "Anna Kowalska", "Ahmed Khan", "Jean Dupont",
            "Priya Sharma", "Carlos Rodriguez", "Fatima Zahra", "Nguyen Van An", "Hans Mueller", "Kim Min Jun",
            "Banco Nacional de Cuba", "Global Trading LLC", "Abu Bakr al Baghdadi", "Vladimir Putin", "Ali Khamenei");
    /** Names written in non-Latin scripts, transliterated on the way in. */
    private static final List<String> OTHER_SCRIPTS = List.of("Владимир Путин", "Сергей Лавров", "محمد علي",
            "أحمد حسن", "金正恩", "习近平", "김정은", "Αλέξανδρος Παπαδόπουλος", "משה כהן", "山田太郎");
    private static final int LISTED_WITH_TYPOS = 60;
    /** How many queries the benchmark rotates through. */
    static final int QUERY_COUNT = UNLISTED.size() + OTHER_SCRIPTS.size() + LISTED_WITH_TYPOS;

    @Param({"80"})
    public int minScore;

    private ScreeningIndex index;
    private List<ScreeningQuery> queries;
    private int next;

    @Setup
    public void load() throws Exception {
        List<ParsedList> lists = SanctionsFiles.parse(SanctionsFiles.dir());
        index = ScreeningIndex.build(lists);
        queries = queries(lists, minScore);
    }

    @Benchmark
    public ScreeningResult screen() {
        ScreeningQuery query = queries.get(next);
        next = (next + 1) % queries.size();
        return index.screen(query);
    }

    /** The rotating queries, the same on every run. */
    static List<ScreeningQuery> queries(List<ParsedList> lists, int minScore) {
        List<String> names = new ArrayList<>(UNLISTED);
        names.addAll(OTHER_SCRIPTS);
        List<ListedEntity> entities = lists.stream().flatMap(list -> list.entities().stream()).toList();
        Random random = new Random(7);
        for (int i = 0; i < LISTED_WITH_TYPOS; i++) {
            names.add(typo(entities.get(random.nextInt(entities.size())).primaryName(), random));
        }
        // interleaved, so that consecutive queries differ in kind
        Collections.shuffle(names, random);
        return names.stream().map(name -> ScreeningQuery.byName(name, minScore)).toList();
    }

    private static String typo(String name, Random random) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        return name.substring(0, at) + name.substring(at + 1);
    }
}

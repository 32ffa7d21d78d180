package io.kycflow.bench;

import io.kycflow.sanctions.ParsedList;
import io.kycflow.screening.ScreeningIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Getting a full OFAC and UN index: from parsed lists, from the list files, or from a snapshot. */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexBenchmark {

    private List<ParsedList> lists;
    private byte[] snapshot;

    @Setup
    public void load() throws Exception {
        lists = SanctionsFiles.parse(SanctionsFiles.dir());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScreeningIndex.build(lists).writeSnapshot(out);
        snapshot = out.toByteArray();
    }

    @Benchmark
    public ScreeningIndex buildFromParsedLists() {
        return ScreeningIndex.build(lists);
    }

    @Benchmark
    public ScreeningIndex parseAndBuildFromFiles() throws Exception {
        return ScreeningIndex.build(SanctionsFiles.parse(SanctionsFiles.dir()));
    }

    @Benchmark
    public ScreeningIndex loadSnapshot() throws Exception {
        return ScreeningIndex.readSnapshot(new ByteArrayInputStream(snapshot));
    }
}

package io.kycflow.bench;

import io.kycflow.screening.ScreeningIndex;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Loading a published snapshot as a Lambda cold start does: the first load in a fresh JVM that has run no
 * screening code, one per fork. The snapshot is written beforehand by {@link ScreeningBench}, whose file
 * {@value #PROPERTY} names, so that nothing here builds an index (which would load and warm the same classes).
 */
@State(Scope.Benchmark)
@Fork(8)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SnapshotColdLoadBenchmark {

    /** The system property naming the snapshot file. */
    static final String PROPERTY = "kycflow.snapshot.file";

    private byte[] snapshot;

    @Setup
    public void read() throws Exception {
        snapshot = Files.readAllBytes(Path.of(System.getProperty(PROPERTY)));
    }

    @Benchmark
    public ScreeningIndex loadSnapshotInFreshJvm() throws Exception {
        return ScreeningIndex.readSnapshot(new ByteArrayInputStream(snapshot));
    }
}

package io.kycflow.bench.runner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of the cold-start benchmark, standing in for the Lambda Java runtime for one invocation: it
 * creates the handler with its no-arg constructor (as Lambda does), invokes it once with the event file's bytes and
 * a null Context, prints the response and its own timings, and exits. Without arguments it prints "hello" and
 * nothing else happens: the bare-JVM baseline.
 *
 * <p>It needs only the JDK and the handler interface, which every function jar carries; the harness ships it to
 * the child alone, in a one-class jar. Output, one line each: {@link #RESPONSE} and the response, then
 * {@link #TIMINGS} and JVM start, main entered, handler constructed, handler returned (epoch milliseconds), the
 * number of classes loaded and the CPU time the process has used, all threads (milliseconds).
 *
 * <p>With {@code --primed} it stands in for a SnapStart restore instead: after construction it calls the handler's
 * {@code prime()} (what SnapStart runs before taking the snapshot), then waits {@link #PRIMED_PAUSE_MS} so that the
 * connections priming opened expire (the child runs with {@code -Dhttp.keepAlive.time.server=1}; a restored snapshot's
 * connections are gone too), and only then reports the handler as constructed: the invocation that follows is what a
 * restored function still has to do for its first response, the restore itself left out.
 *
 * <p>Usage: {@code ColdStartRunner [[--primed] <handler class> <event file>]}
 */
public final class ColdStartRunner {
    /** Prefix of the response line; the handlers' own log lines go to the same stdout. */
    public static final String RESPONSE = "@@response ";
    /** Prefix of the timings line. */
    public static final String TIMINGS = "@@timings ";
    /** How long a primed run waits after priming: more than the child's one-second keep-alive. */
    public static final long PRIMED_PAUSE_MS = 1500;

    private ColdStartRunner() {
    }

    public static void main(String[] args) throws Exception {
        long mainEntered = System.currentTimeMillis();
        String response = "hello";
        long constructed = mainEntered;
        long returned = mainEntered;
        boolean primed = args.length > 0 && args[0].equals("--primed");
        int first = primed ? 1 : 0;
        if (args.length > first) {
            RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[first]).getConstructor().newInstance();
            if (primed) {
                handler.getClass().getMethod("prime").invoke(handler);
                Thread.sleep(PRIMED_PAUSE_MS);
            }
            constructed = System.currentTimeMillis();
            // Lambda fetches the event after init, so reading it belongs to the invocation.
            byte[] event = Files.readAllBytes(Path.of(args[first + 1]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            returned = System.currentTimeMillis();
            response = out.toString(StandardCharsets.UTF_8);
        }
        System.out.println(RESPONSE + response);
        System.out.flush();
        // Read only after the response: loading java.management must not count in the parent's timing.
        long vmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.println(TIMINGS + vmStarted + " " + mainEntered + " " + constructed + " " + returned + " " + classes
                + " " + cpuMillis);
        System.out.flush();
        // SDK clients may keep non-daemon threads alive; Lambda never waits for them either.
        System.exit(0);
    }
}

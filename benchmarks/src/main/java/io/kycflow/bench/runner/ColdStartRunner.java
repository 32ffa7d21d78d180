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
 * <p>Usage: {@code ColdStartRunner [<handler class> <event file>]}
 */
public final class ColdStartRunner {
    /** Prefix of the response line; the handlers' own log lines go to the same stdout. */
    public static final String RESPONSE = "@@response ";
    /** Prefix of the timings line. */
    public static final String TIMINGS = "@@timings ";

    private ColdStartRunner() {
    }

    public static void main(String[] args) throws Exception {
        long mainEntered = System.currentTimeMillis();
        String response = "hello";
        long constructed = mainEntered;
        long returned = mainEntered;
        if (args.length > 0) {
            RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
            constructed = System.currentTimeMillis();
            // Lambda fetches the event after init, so reading it belongs to the invocation.
            byte[] event = Files.readAllBytes(Path.of(args[1]));
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

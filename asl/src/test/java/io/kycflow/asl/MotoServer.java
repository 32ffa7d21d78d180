package io.kycflow.asl;

import io.kycflow.testing.MotoProcess;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * moto_server ({@link MotoProcess}) for the differential tests, with a real SDK client for its Step Functions API.
 * {@link #start(LambdaInvoker)} returns null when no python3 with moto is found; the tests then skip with
 * {@link #NOT_AVAILABLE}.
 *
 * <p>moto's interpreter reaches other services at {@code http://localhost:$MOTO_PORT}. Given a
 * {@link LambdaInvoker}, MOTO_PORT points at a {@link MotoLambdaFront} that runs Lambda Invoke in-process (moto
 * cannot run Java functions without Docker); otherwise it is moto's own port.
 *
 * <p>moto 5.2.1 fails every StartExecution after the first on one server ("cannot pickle '_thread.RLock'", moto
 * issue 10077), so call {@link #reset()} before each case and start one execution per case, always with a name.
 */
final class MotoServer implements AutoCloseable {
    static final String NOT_AVAILABLE = MotoProcess.NOT_AVAILABLE;

    private static final String CONFIG =
            "{\"stepfunctions\": {\"execute_state_machine\": true}, \"lambda\": {\"use_docker\": false}}";

    private final MotoProcess moto;
    private final SfnClient sfn;
    private final MotoLambdaFront lambdaFront;

    private MotoServer(MotoProcess moto, MotoLambdaFront lambdaFront) {
        this.moto = moto;
        this.lambdaFront = lambdaFront;
        this.sfn = Fixtures.sfnClient(moto.endpoint());
    }

    /**
     * Starts moto_server and waits until it answers.
     *
     * @param lambda runs the Lambda Invoke calls of moto's {@code lambda:invoke} tasks; null for definitions
     *               without Lambda
     * @return the server, or null when no python3 with moto is installed
     */
    static MotoServer start(LambdaInvoker lambda) throws IOException, InterruptedException {
        MotoLambdaFront front = lambda == null ? null : MotoLambdaFront.start(lambda);
        MotoProcess moto = MotoProcess.start(front == null ? Map.of()
                : Map.of("MOTO_PORT", String.valueOf(front.port())));
        if (moto == null) {
            if (front != null) {
                front.close();
            }
            return null;
        }
        return new MotoServer(moto, front);
    }

    /** The SDK client for moto's Step Functions API. */
    SfnClient sfn() {
        return sfn;
    }

    /** Forgets every state machine and execution and switches execution (and Docker-less Lambda) on again. */
    void reset() throws IOException, InterruptedException {
        moto.post("/moto-api/reset", "");
        moto.post("/moto-api/config", CONFIG);
    }

    /** Polls DescribeExecution until the execution has ended or {@code timeout} passed; returns the last answer. */
    DescribeExecutionResponse awaitExecution(String executionArn, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        DescribeExecutionResponse response;
        do {
            Thread.sleep(20);
            response = sfn.describeExecution(r -> r.executionArn(executionArn));
        } while (response.statusAsString().equals("RUNNING") && System.nanoTime() < deadline);
        return response;
    }

    /** Stops the client, the Lambda front and the moto_server process (and anything it started). */
    @Override
    public void close() throws InterruptedException {
        sfn.close();
        if (lambdaFront != null) {
            lambdaFront.close();
        }
        moto.close();
    }
}

package io.kycflow.backends;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Embedded stand-ins for DynamoDB (DynamoDB Local), SQS (ElasticMQ) and S3 (s3proxy), all listening on 127.0.0.1
 * only, for the local runtime and for integration tests. S3 writes can be delivered as S3 {@code ObjectCreated}
 * event notifications to a listener, as S3 would deliver them to a Lambda function.
 *
 * <p>The three servers start in parallel. Clients sign requests with {@link #accessKeyId()} and
 * {@link #secretAccessKey()}; s3proxy verifies the signatures (so presigned URLs are checked), the others accept
 * any. S3 is addressed path-style. Tables are for the caller to create; buckets and queues can be created here.
 *
 * <pre>{@code
 * try (LocalBackends backends = LocalBackends.start(LocalBackends.Options.inMemory()
 *         .buckets("kycflow-uploads")
 *         .s3Events("uploads/", eventJson -> uploadHandler.accept(eventJson)))) {
 *     S3Client s3 = S3Client.builder()
 *             .endpointOverride(backends.s3Endpoint())
 *             .forcePathStyle(true)
 *             .region(Region.of(backends.region()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(backends.accessKeyId(), backends.secretAccessKey())))
 *             .build();
 *     // or hand backends.environment() to code that builds its clients from the environment
 * }
 * }</pre>
 */
public final class LocalBackends implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";
    /** DynamoDB Local accepts access keys made of letters and digits only. */
    static final String ACCESS_KEY_ID = "kycflowlocal";
    static final String SECRET_ACCESS_KEY = "kycflowlocalsecret";

    private final String region;
    private final DynamoDbLocalServer dynamoDb;
    private final SqsServer sqs;
    private final S3Server s3;
    private final Map<String, Duration> startupTimes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalBackends(String region, DynamoDbLocalServer dynamoDb, SqsServer sqs, S3Server s3,
            Map<String, Duration> startupTimes) {
        this.region = region;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.s3 = s3;
        this.startupTimes = Collections.unmodifiableMap(new TreeMap<>(startupTimes));
    }

    /**
     * Starts the three servers in parallel, then creates the buckets and queues named in the options.
     *
     * @throws IllegalStateException if a server does not start; those that did are stopped again
     */
    public static LocalBackends start(Options options) {
        Path data = options.dataDirectory;
        Map<String, Duration> times = new ConcurrentHashMap<>();
        Future<DynamoDbLocalServer> dynamoDb;
        Future<SqsServer> sqs;
        Future<S3Server> s3;
        try (ExecutorService starter = Executors.newFixedThreadPool(3)) {
            dynamoDb = starter.submit(timed(times, "dynamodb", () -> DynamoDbLocalServer.start(
                    options.dynamoDbPort, data == null ? null : data.resolve("dynamodb"), options.region)));
            sqs = starter.submit(timed(times, "sqs", () -> SqsServer.start(options.sqsPort, options.region)));
            s3 = starter.submit(timed(times, "s3", () -> S3Server.start(
                    options.s3Port, data == null ? null : data.resolve("s3"), options.region,
                    options.s3EventKeyPrefix, options.s3EventListener)));
        } // close() waits for all three

        List<Future<? extends AutoCloseable>> starts = List.of(dynamoDb, sqs, s3);
        IllegalStateException failure = null;
        for (Future<? extends AutoCloseable> start : starts) {
            if (start.state() != Future.State.SUCCESS) {
                // not FAILED means cancelled: the starting thread was interrupted
                Throwable cause = start.state() == Future.State.FAILED
                        ? start.exceptionNow() : new CancellationException("interrupted while starting");
                if (failure == null) {
                    failure = new IllegalStateException("Could not start the local backends", cause);
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            closeAfterFailure(failure, starts.stream()
                    .filter(start -> start.state() == Future.State.SUCCESS)
                    .map(Future::resultNow)
                    .toArray(AutoCloseable[]::new));
            throw failure;
        }

        var backends = new LocalBackends(options.region, dynamoDb.resultNow(), sqs.resultNow(), s3.resultNow(), times);
        try {
            options.buckets.forEach(backends::createBucket);
            options.queues.forEach(backends::createQueue);
            return backends;
        } catch (RuntimeException e) {
            closeAfterFailure(e, backends);
            throw e;
        }
    }

    /** DynamoDB endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** SQS endpoint; queue URLs start with it. */
    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    /** S3 endpoint, to be used with path-style addressing. */
    public URI s3Endpoint() {
        return s3.endpoint();
    }

    /** Region the backends report (in S3 events and SQS queue ARNs). */
    public String region() {
        return region;
    }

    /** Access key that clients sign with. */
    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    /** Secret key that clients sign with. */
    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    /**
     * The environment variables that point SDK v2 clients and the kycflow functions at these backends:
     * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code _SQS}, {@code _S3}, {@code AWS_REGION}, the credentials and
     * {@code KYCFLOW_S3_PATH_STYLE=true}.
     */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString(),
                "AWS_ENDPOINT_URL_S3", s3Endpoint().toString(),
                "AWS_REGION", region,
                "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "KYCFLOW_S3_PATH_STYLE", "true");
    }

    /** Creates the bucket unless it exists. */
    public void createBucket(String name) {
        s3.createBucket(name);
    }

    /** Creates the queue unless it exists and returns its URL. */
    public String createQueue(String name) {
        return sqs.createQueue(name);
    }

    /** How long each server took to start ({@code dynamodb}, {@code s3}, {@code sqs}), measured in parallel. */
    public Map<String, Duration> startupTimes() {
        return startupTimes;
    }

    /** Stops the three servers; data in a data directory stays. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        var failure = new IllegalStateException("Could not stop all local backends");
        closeAfterFailure(failure, s3, sqs, dynamoDb);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    static URI loopbackUri(int port) {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    /** Closes each resource, recording any failure as suppressed by {@code failure}. */
    static void closeAfterFailure(Throwable failure, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static <T> Callable<T> timed(Map<String, Duration> times, String name, Callable<T> start) {
        return () -> {
            long begin = System.nanoTime();
            T started = start.call();
            times.put(name, Duration.ofNanos(System.nanoTime() - begin));
            return started;
        };
    }

    /**
     * What to start: in memory or on disk, on which ports, and what to create and notify. A fluent builder;
     * {@link LocalBackends#start} reads it once.
     */
    public static final class Options {

        private final Path dataDirectory;
        private int dynamoDbPort;
        private int sqsPort;
        private int s3Port;
        private String region = "us-east-1";
        private String s3EventKeyPrefix = "";
        private Consumer<String> s3EventListener;
        private final List<String> buckets = new ArrayList<>();
        private final List<String> queues = new ArrayList<>();

        private Options(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        /** Nothing survives {@link LocalBackends#close()}: for tests. */
        public static Options inMemory() {
            return new Options(null);
        }

        /**
         * Tables and objects persist in {@code dataDirectory} ({@code dynamodb/} and {@code s3/} below it) across
         * restarts: for the local runtime. SQS queues and messages are always in memory.
         */
        public static Options persistent(Path dataDirectory) {
            return new Options(Objects.requireNonNull(dataDirectory, "dataDirectory"));
        }

        /** Fixed ports; 0 (the default) picks a free one. */
        public Options ports(int dynamoDb, int sqs, int s3) {
            this.dynamoDbPort = checkPort(dynamoDb);
            this.sqsPort = checkPort(sqs);
            this.s3Port = checkPort(s3);
            return this;
        }

        /** Region reported in S3 events and SQS ARNs; {@code us-east-1} by default. */
        public Options region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Delivers an S3 event notification JSON ({@code {"Records":[...]}}) to {@code listener} for each object
         * created under {@code keyPrefix} ("" for all) in any bucket, asynchronously and in write order.
         */
        public Options s3Events(String keyPrefix, Consumer<String> listener) {
            this.s3EventKeyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
            this.s3EventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Buckets to create at start (kept if they exist). */
        public Options buckets(String... names) {
            buckets.addAll(List.of(names));
            return this;
        }

        /** Queues to create at start. */
        public Options queues(String... names) {
            queues.addAll(List.of(names));
            return this;
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}

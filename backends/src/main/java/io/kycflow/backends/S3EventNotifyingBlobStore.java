package io.kycflow.backends;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The blob store s3proxy serves, wrapped so that every object it creates produces an S3 {@code ObjectCreated:*}
 * event notification, shaped as S3 sends it to Lambda. Neither s3proxy nor its blob stores emit events.
 *
 * <p>Like S3, delivery is asynchronous: the event is built when the write succeeds and handed to the listener
 * on a single thread (so in write order), after the client has its response. A failing listener is logged and
 * never affects the write.
 */
final class S3EventNotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3EventNotifyingBlobStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** s3proxy keeps multipart-upload state in hidden objects with this prefix; S3 has no such objects. */
    private static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";
    static final String CONFIGURATION_ID = "kycflow-local-object-created";

    private final String region;
    private final String principalId;
    private final String keyPrefix;
    private final Consumer<String> listener;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "s3-event-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong lastSequencer = new AtomicLong();

    S3EventNotifyingBlobStore(BlobStore delegate, String region, String principalId, String keyPrefix,
            Consumer<String> listener) {
        super(delegate);
        this.region = region;
        this.principalId = principalId;
        this.keyPrefix = keyPrefix;
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        objectCreated("ObjectCreated:Put", request.bucket(), request.key());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        objectCreated("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        objectCreated("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName());
        return response;
    }

    @Override
    public void close() {
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            super.close();
        }
    }

    private void objectCreated(String eventName, String bucket, String key) {
        if (!key.startsWith(keyPrefix) || key.startsWith(MULTIPART_STUB_PREFIX)) {
            return;
        }
        String event;
        try {
            // Size and ETag as stored, which a streamed (aws-chunked) request does not state up front.
            event = eventJson(eventName, bucket, key, delegate().blobMetadata(bucket, key));
        } catch (RuntimeException e) {
            LOG.warn("No S3 event for s3://{}/{}: could not read its metadata", bucket, key, e);
            return;
        }
        delivery.execute(() -> {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("S3 event listener failed for s3://{}/{}", bucket, key, e);
            }
        });
    }

    private String eventJson(String eventName, String bucket, String key, HeadObjectResponse stored) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", EVENT_TIME.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", principalId);
        // The servers only listen on loopback, so that is where every request comes from.
        record.putObject("requestParameters").put("sourceIPAddress", LocalBackends.LOOPBACK);
        record.putObject("responseElements")
                .put("x-amz-request-id", randomHex(8))
                .put("x-amz-id-2", randomHex(32));

        ObjectNode s3 = record.putObject("s3")
                .put("s3SchemaVersion", "1.0")
                .put("configurationId", CONFIGURATION_ID);
        ObjectNode bucketNode = s3.putObject("bucket").put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", principalId);
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object")
                .put("key", eventKey(key))
                .put("size", stored.contentLength())
                .put("eTag", unquote(stored.eTag()))
                .put("sequencer", nextSequencer());

        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    /** S3 form-encodes keys in events ("a b.jpg" becomes "a+b.jpg") but leaves the slashes alone. */
    static String eventKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** Hex, fixed width, strictly increasing, also across restarts (it follows the clock in microseconds). */
    private String nextSequencer() {
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return String.format("%018X", lastSequencer.updateAndGet(previous -> Math.max(previous + 1, nowMicros)));
    }

    private static String unquote(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().withUpperCase().formatHex(random);
    }
}

package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

class S3Test {

    private static final EventCollector EVENTS = new EventCollector();
    private static LocalBackends backends;
    private static S3Client s3;
    private static S3Presigner presigner;
    private static HttpClient http;
    private static String bucket;

    @BeforeAll
    static void connect() {
        backends = Clients.shared();
        TestBackends.addS3EventListener(EVENTS);
        s3 = Clients.s3(backends);
        presigner = Clients.presigner(backends);
        http = HttpClient.newHttpClient();
        bucket = Clients.uniqueName("uploads");
        backends.createBucket(bucket);
    }

    @AfterAll
    static void disconnect() {
        TestBackends.removeS3EventListener(EVENTS);
        s3.close();
        presigner.close();
        http.close();
    }

    @Test
    void putThenGet() {
        s3.putObject(r -> r.bucket(bucket).key("lists/sanctions.csv"), RequestBody.fromString("name\nX"));

        assertEquals("name\nX", s3.getObjectAsBytes(r -> r.bucket(bucket).key("lists/sanctions.csv")).asUtf8String());
    }

    @Test
    void presignedPutStoresTheObjectAndEmitsAnObjectCreatedEvent() throws Exception {
        String key = "uploads/t-1/j-1/FRONT/upload 1";
        byte[] image = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = send(presignPut(key), image);

        assertEquals(200, response.statusCode(), response.body());
        assertArrayEquals(image, s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());

        JsonNode record = EVENTS.await("uploads/t-1/j-1/FRONT/upload+1");
        assertEquals("2.1", record.path("eventVersion").asText());
        assertEquals("aws:s3", record.path("eventSource").asText());
        assertEquals(backends.region(), record.path("awsRegion").asText());
        assertEquals("ObjectCreated:Put", record.path("eventName").asText());
        Instant eventTime = Instant.parse(record.path("eventTime").asText());
        assertTrue(!eventTime.isBefore(before) && !eventTime.isAfter(Instant.now()), eventTime::toString);
        JsonNode s3Entity = record.path("s3");
        assertEquals("1.0", s3Entity.path("s3SchemaVersion").asText());
        assertFalse(s3Entity.path("configurationId").asText().isEmpty());
        assertEquals(bucket, s3Entity.path("bucket").path("name").asText());
        assertEquals("arn:aws:s3:::" + bucket, s3Entity.path("bucket").path("arn").asText());
        JsonNode object = s3Entity.path("object");
        assertEquals(key, URLDecoder.decode(object.path("key").asText(), StandardCharsets.UTF_8));
        assertEquals(image.length, object.path("size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(image)),
                object.path("eTag").asText());
        assertTrue(object.path("sequencer").asText().matches("[0-9A-F]{18}"), object.toString());
    }

    @Test
    void tamperedPresignedUrlIsRefused() throws Exception {
        PresignedPutObjectRequest presigned = presignPut("uploads/t-1/j-2/FRONT/u-1");
        URI tampered = URI.create(presigned.url().toString().replace("/FRONT/", "/SELFIE/"));

        HttpResponse<String> response = send(presigned, tampered, new byte[] {1});

        assertEquals(403, response.statusCode(), response.body());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(bucket).key("uploads/t-1/j-2/SELFIE/u-1")));
    }

    @Test
    void copyAndMultipartUploadEmitTheirOwnEventNames() throws Exception {
        s3.putObject(r -> r.bucket(bucket).key("exports/t-1/source.pdf"), RequestBody.fromString("pdf"));
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("exports/t-1/source.pdf")
                .destinationBucket(bucket).destinationKey("exports/t-1/copy.pdf"));
        JsonNode copy = EVENTS.await("exports/t-1/copy.pdf");
        assertEquals("ObjectCreated:Copy", copy.path("eventName").asText());
        assertEquals(3, copy.path("s3").path("object").path("size").asLong());

        String key = "exports/t-1/report.pdf";
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        String partETag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("one part")).eTag();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(partETag))));
        JsonNode multipart = EVENTS.await(key);
        assertEquals("ObjectCreated:CompleteMultipartUpload", multipart.path("eventName").asText());
        assertEquals(8, multipart.path("s3").path("object").path("size").asLong());

        assertTrue(EVENTS.keys().stream().noneMatch(k -> k.startsWith(".s3proxy")), EVENTS.keys()::toString);
    }

    private PresignedPutObjectRequest presignPut(String key) {
        return presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(15))
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentType("image/jpeg")));
    }

    private static HttpResponse<String> send(PresignedPutObjectRequest presigned, byte[] body) throws Exception {
        return send(presigned, presigned.url().toURI(), body);
    }

    /** PUTs {@code body} to {@code url} with the headers the presigned request was signed with, as a browser would. */
    private static HttpResponse<String> send(PresignedPutObjectRequest presigned, URI url, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) { // set by the HTTP client itself
                values.forEach(value -> request.header(name, value));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

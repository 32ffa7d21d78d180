package io.kycflow.aws;

import io.kycflow.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cold starts are CPU-bound class loading. While a handler's constructor builds its SDK clients on one core, these
 * warm-ups load, on a spare core, classes the first request needs anyway: JSON, request signing, the HTTP client and,
 * for the image functions, the image codecs. No network, no side effects; a failure only means less warmed.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /** Runs the warm-up on a daemon thread. */
    public static void warmInBackground(Runnable warmUp) {
        Thread thread = new Thread(() -> {
            try {
                warmUp.run();
            } catch (RuntimeException | LinkageError ignored) {
                // Warming is an optimisation only.
            }
        }, "cold-start-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** What every function's first request uses: JSON trees, SigV4 (HMAC, SHA-256, timestamps), HTTP. */
    public static void requestPath() {
        Json.write(Json.parse("{\"warm\":[1,2.5,true,null,\"x\",{\"y\":{}}]}"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("warm".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.doFinal("warm".getBytes(StandardCharsets.UTF_8));
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
            DateTimeFormatter.ISO_INSTANT.format(Instant.now());
            // Loads the JDK's HTTP URL connection classes; nothing is connected.
            URI.create("http://127.0.0.1:9/").toURL().openConnection();
            // The default trust store (read and parsed once per JVM) and TLS context classes the SDK's HTTP client
            // sets up when the first client is built.
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            SSLContext.getInstance("TLS").init(null, trust.getTrustManagers(), null);
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The image codecs: encode and decode a small JPEG and PNG. */
    public static void imageCodecs() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[]{"jpeg", "png"}) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, format, out);
                ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Runs, on a spare core, the SDK requests a function's first invocation will make, on clients configured like the
     * function's own whose requests never leave the JVM ({@link CannedHttpClient}: every request gets an empty answer).
     * The SDK's request path for those operations (model classes, marshallers, endpoint rules, signing, unmarshallers)
     * is then loaded and linked when the first real request needs it. Credentials are dummies, so nothing is looked up.
     */
    public static void warmRequests(Consumer<OfflineClients> requests) {
        warmInBackground(() -> {
            try (OfflineClients clients = new OfflineClients(Settings.fromEnvironment())) {
                requests.accept(clients);
            }
        });
    }

    /** SDK clients for {@link #warmRequests}: each call builds one; all are closed after the warm-up. */
    public static final class OfflineClients implements AutoCloseable {
        private static final String AMZ_JSON = "application/x-amz-json-1.0";
        private final Settings settings;
        private final List<AutoCloseable> built = new ArrayList<>();

        OfflineClients(Settings settings) {
            Map<String, String> env = new HashMap<>(settings.env());
            env.put("AWS_ACCESS_KEY_ID", "warm-up");
            env.put("AWS_SECRET_ACCESS_KEY", "warm-up");
            this.settings = new Settings(env);
        }

        public DynamoDbClient dynamoDb() {
            return keep(AwsClients.dynamoDb(settings, new CannedHttpClient("{}", AMZ_JSON)));
        }

        public S3Client s3() {
            return keep(AwsClients.s3Builder(settings, new CannedHttpClient("warm-up", "application/octet-stream")).build());
        }

        public SfnClient sfn() {
            return keep(AwsClients.sfn(settings, new CannedHttpClient("{}", AMZ_JSON)));
        }

        private <T extends AutoCloseable> T keep(T client) {
            built.add(client);
            return client;
        }

        @Override
        public void close() {
            for (AutoCloseable client : built) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // an offline client holds nothing worth reporting
                }
            }
        }
    }
}

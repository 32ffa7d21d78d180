package io.kycflow.backends;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * s3proxy on 127.0.0.1, path-style, checking SigV2/SigV4 signatures against the fixed local credentials, so a
 * presigned URL that was tampered with is refused (403) as S3 would refuse it.
 */
final class S3Server implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStore blobStore;

    private S3Server(S3Proxy proxy, BlobStore blobStore) {
        this.proxy = proxy;
        this.blobStore = blobStore;
    }

    /**
     * @param port 0 for a free port
     * @param baseDirectory one subdirectory per bucket; null keeps objects in memory
     * @param eventListener receives ObjectCreated event JSON for keys starting with {@code eventKeyPrefix}; may be null
     */
    static S3Server start(int port, Path baseDirectory, String region, String eventKeyPrefix,
            Consumer<String> eventListener) throws Exception {
        BlobStore storage = baseDirectory == null
                ? new TransientNio2BlobStore()
                : new FilesystemNio2BlobStore(Files.createDirectories(baseDirectory).toString());
        BlobStore served = eventListener == null
                ? storage
                : new S3EventNotifyingBlobStore(storage, region, LocalBackends.ACCESS_KEY_ID, eventKeyPrefix,
                        eventListener);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(served)
                .endpoint(LocalBackends.loopbackUri(port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalBackends.ACCESS_KEY_ID,
                        LocalBackends.SECRET_ACCESS_KEY)
                // Stop at once rather than drain connections gracefully: with SDK clients connected, the graceful
                // stop took about 2 s every time, and nothing here needs in-flight requests to finish.
                .stopTimeout(0)
                .build();
        var server = new S3Server(proxy, served);
        try {
            proxy.start();
            return server;
        } catch (Exception e) {
            LocalBackends.closeAfterFailure(e, server);
            throw e;
        }
    }

    URI endpoint() {
        return LocalBackends.loopbackUri(proxy.getPort());
    }

    /** Creates the bucket unless it exists; in-process, no request needed. */
    void createBucket(String name) {
        if (!blobStore.containerExists(name)) {
            blobStore.createContainer(name);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            blobStore.close();
        }
    }
}

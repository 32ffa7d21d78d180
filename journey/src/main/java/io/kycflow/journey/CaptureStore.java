package io.kycflow.journey;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Where uploaded captures are kept (an S3 bucket in production): what the {@link UploadIntake} reads and removes. */
public interface CaptureStore {

    /** The stored object, to be closed by the caller; empty when no object has this key (any more). */
    Optional<Capture> open(String key);

    /** Removes the object; removing one that is not there is no error. */
    void delete(String key);

    /**
     * An open object.
     *
     * @param size its length as the store reports it, -1 when unknown
     */
    record Capture(InputStream body, long size) implements Closeable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}

package io.kycflow.journey;

/** Short-lived read links to captured images (S3 presigned GET in production). */
public interface ImageLinks {
    String readUrl(String key);
}

package io.kycflow.screening;

import java.io.IOException;

/**
 * A screening index snapshot written by another version of kycflow, in a format this one does not read: the index
 * must be built again from the lists (a new release changed what the index holds), not reported as corrupted.
 */
public final class SnapshotFormatException extends IOException {

    SnapshotFormatException(int format, int expected) {
        super("screening index snapshot format " + format + " is not supported (expected " + expected + ")");
    }
}

package io.kycflow.sanctions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads list files whole, refusing missing, empty and implausibly large ones before any parsing starts. */
final class ListFiles {

    /** Far above any real list (the full OFAC SDN CSV is a few MB), low enough that a runaway file cannot exhaust memory. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private ListFiles() {
    }

    static byte[] read(Path file) throws IOException, ListValidationException {
        String source = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ListValidationException(source, 0, "file is missing");
        }
        checkSize(source, size);
        return Files.readAllBytes(file);
    }

    static void checkSize(String source, long size) throws ListValidationException {
        if (size == 0) {
            throw new ListValidationException(source, 0, "file is empty");
        }
        if (size > MAX_BYTES) {
            throw new ListValidationException(source, 0, "file has " + size + " bytes, more than " + MAX_BYTES);
        }
    }
}

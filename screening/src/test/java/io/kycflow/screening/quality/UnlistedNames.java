package io.kycflow.screening.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordinary names of {@code screening-quality/unlisted-names.tsv} (see its README): generated from a published
 * name source, none of them picked by hand.
 */
public final class UnlistedNames {

    /** One name and where it came from; {@code split} is "dev" or "test". */
    public record Name(String split, String locale, String sex, String name) {
    }

    private static final String RESOURCE = "/screening-quality/unlisted-names.tsv";

    private UnlistedNames() {
    }

    /** Every name of the file, in file order. */
    public static List<Name> load() {
        try (InputStream in = UnlistedNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Name> names = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
                names.add(new Name(f[0], f[1], f[2], f[3]));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

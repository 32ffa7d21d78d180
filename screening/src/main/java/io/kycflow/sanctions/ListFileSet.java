package io.kycflow.sanctions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files each sanctions list is published as, the folder they are dropped into (e.g. S3 {@code lists/incoming/ofac/}),
 * and how a complete set is parsed and validated.
 */
public enum ListFileSet {
    /** OFAC SDN legacy CSV: entries, aliases and addresses in three files. */
    OFAC_SDN(SanctionsList.OFAC_SDN, "ofac", List.of("sdn.csv", "alt.csv", "add.csv")),
    /** UN Security Council consolidated list, one XML file. */
    UN_CONSOLIDATED(SanctionsList.UN_CONSOLIDATED, "un", List.of("consolidated.xml"));

    private final SanctionsList list;
    private final String folder;
    private final List<String> files;

    ListFileSet(SanctionsList list, String folder, List<String> files) {
        this.list = list;
        this.folder = folder;
        this.files = files;
    }

    public SanctionsList list() {
        return list;
    }

    /** The folder name the list's files live under. */
    public String folder() {
        return folder;
    }

    /** The file names a complete set has. */
    public List<String> files() {
        return files;
    }

    /** The set whose folder this is. */
    public static Optional<ListFileSet> ofFolder(String folder) {
        for (ListFileSet set : values()) {
            if (set.folder.equals(folder)) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses and validates a complete set.
     *
     * @param contents file name → bytes; every name of {@link #files()} must be present
     */
    public ParsedList parse(Map<String, byte[]> contents) throws ListValidationException {
        for (String file : files) {
            if (!contents.containsKey(file)) {
                throw new ListValidationException(file, 0, "file is missing");
            }
        }
        return switch (this) {
            case OFAC_SDN -> {
                byte[] sdn = contents.get("sdn.csv");
                byte[] alt = contents.get("alt.csv");
                byte[] add = contents.get("add.csv");
                yield new OfacSdnParser().parse(sdn, alt, add, OfacSdnParser.digest(sdn, alt, add));
            }
            case UN_CONSOLIDATED -> new UnConsolidatedParser().parse(contents.get("consolidated.xml"), "consolidated.xml");
        };
    }

    /** Parses every list whose folder is under {@code dir} ({@code dir/ofac/sdn.csv}, {@code dir/un/consolidated.xml}, ...). */
    public static List<ParsedList> parseDirectory(Path dir) throws IOException, ListValidationException {
        List<ParsedList> lists = new ArrayList<>();
        for (ListFileSet set : values()) {
            if (!Files.isDirectory(dir.resolve(set.folder))) {
                continue;
            }
            Map<String, byte[]> contents = new HashMap<>();
            for (String file : set.files) {
                contents.put(file, ListFiles.read(dir.resolve(set.folder).resolve(file)));
            }
            lists.add(set.parse(contents));
        }
        return lists;
    }

    /** A digest of file contents, as list versions and snapshot ids use. */
    public static String digest(byte[]... contents) {
        return OfacSdnParser.digest(contents);
    }
}

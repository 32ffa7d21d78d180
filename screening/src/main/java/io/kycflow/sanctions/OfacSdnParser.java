package io.kycflow.sanctions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the OFAC SDN list in its legacy CSV form: sdn.csv (one row per entry), alt.csv (aliases) and add.csv
 * (addresses), none with a header row, "-0-" for an empty field. DOB, place of birth, nationality, citizenship,
 * gender, identity documents, weak aliases and digital currency addresses come out of the remarks.
 *
 * <p>The list is all or nothing: a row with the wrong number of fields, a damaged quote, an alias or address of
 * an unknown entry, a duplicate entry, an empty file or fewer entries than the configured minimum is a
 * {@link ListValidationException} naming the file and line.
 */
public final class OfacSdnParser {

    /** Default lower bound on entries; the list has held many thousands for years, so fewer means a cut-off file. */
    public static final int DEFAULT_MINIMUM_ENTRIES = 5_000;

    private static final String SDN = "sdn.csv";
    private static final String ALT = "alt.csv";
    private static final String ADD = "add.csv";
    private static final String EMPTY = "-0-";
    /** OFAC published the legacy files in windows-1252; UTF-8 is taken when the bytes are valid UTF-8. */
    private static final Charset LEGACY_CHARSET = Charset.forName("windows-1252");

    private final int minimumEntries;

    /** A parser that requires at least {@link #DEFAULT_MINIMUM_ENTRIES} entries. */
    public OfacSdnParser() {
        this(DEFAULT_MINIMUM_ENTRIES);
    }

    /** A parser that rejects a list with fewer than {@code minimumEntries} entries. */
    public OfacSdnParser(int minimumEntries) {
        if (minimumEntries < 1) {
            throw new IllegalArgumentException("minimumEntries must be at least 1");
        }
        this.minimumEntries = minimumEntries;
    }

    /**
     * Parses sdn.csv, alt.csv and add.csv in {@code directory}. The legacy files carry no publication date, so
     * the version is a digest of their contents ("sha256:" and 16 hex digits): the same files, the same version.
     */
    public ParsedList parse(Path directory) throws IOException, ListValidationException {
        byte[] sdn = ListFiles.read(directory.resolve(SDN));
        byte[] alt = ListFiles.read(directory.resolve(ALT));
        byte[] add = ListFiles.read(directory.resolve(ADD));
        return parse(sdn, alt, add, digest(sdn, alt, add));
    }

    /** Parses the three files' contents as the given list version. */
    public ParsedList parse(byte[] sdn, byte[] alt, byte[] add, String version) throws ListValidationException {
        Map<String, EntityBuilder> entities = new LinkedHashMap<>();
        for (CsvReader.Row row : rows(sdn, SDN, 12)) {
            EntityBuilder entity = readEntry(row);
            if (entities.putIfAbsent(entity.sourceId, entity) != null) {
                throw new ListValidationException(SDN, row.line(), "duplicate ent_num " + entity.sourceId);
            }
        }
        if (entities.size() < minimumEntries) {
            throw new ListValidationException(SDN, 0,
                    entities.size() + " entries, fewer than the minimum of " + minimumEntries);
        }
        for (CsvReader.Row row : rows(alt, ALT, 5)) {
            owner(entities, row, ALT).aliases.add(readAlias(row));
        }
        for (CsvReader.Row row : rows(add, ADD, 6)) {
            EntityBuilder entity = owner(entities, row, ADD);
            List<String> f = row.fields();
            Address address = new Address(value(f.get(2)), value(f.get(3)), value(f.get(4)), value(f.get(5)));
            if (address.street() != null || address.locality() != null || address.country() != null) {
                entity.addresses.add(address);
            }
        }
        List<ListedEntity> built = new ArrayList<>(entities.size());
        for (EntityBuilder entity : entities.values()) {
            built.add(entity.build(SanctionsList.OFAC_SDN, version));
        }
        return new ParsedList(SanctionsList.OFAC_SDN, version, built);
    }

    private static EntityBuilder readEntry(CsvReader.Row row) throws ListValidationException {
        List<String> f = row.fields();
        EntityBuilder entity = new EntityBuilder(entNum(row, SDN));
        entity.primaryName = value(f.get(1));
        if (entity.primaryName == null) {
            throw new ListValidationException(SDN, row.line(), "entry " + entity.sourceId + " has no name");
        }
        String sdnType = value(f.get(2));
        entity.type = switch (sdnType == null ? "" : sdnType) {
            case "individual" -> EntityType.PERSON;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            case "" -> EntityType.ENTITY;
            default -> throw new ListValidationException(SDN, row.line(), "unknown SDN_Type '" + sdnType + "'");
        };
        String programs = value(f.get(3));
        if (programs != null) {
            // several programs are written "IRAN] [SDGT": the brackets of the first and last are left off
            for (String program : programs.split("\\]\\s*\\[")) {
                String name = program.replace("[", "").replace("]", "").strip();
                if (!name.isEmpty()) {
                    entity.programs.add(name);
                }
            }
        }
        entity.remarks = value(f.get(11));
        if (entity.remarks != null) {
            OfacRemarks.apply(entity.remarks, entity);
        }
        return entity;
    }

    private static Alias readAlias(CsvReader.Row row) throws ListValidationException {
        List<String> f = row.fields();
        String name = value(f.get(3));
        if (name == null) {
            throw new ListValidationException(ALT, row.line(), "alias without a name");
        }
        String altType = value(f.get(2));
        Alias.Type type = switch (altType == null ? "" : altType.toLowerCase()) {
            case "aka" -> Alias.Type.AKA;
            case "fka" -> Alias.Type.FKA;
            case "nka" -> Alias.Type.NKA;
            default -> throw new ListValidationException(ALT, row.line(), "unknown alt_type '" + altType + "'");
        };
        return new Alias(name, type, Alias.Strength.STRONG);
    }

    private static EntityBuilder owner(Map<String, EntityBuilder> entities, CsvReader.Row row, String source)
            throws ListValidationException {
        String entNum = entNum(row, source);
        EntityBuilder entity = entities.get(entNum);
        if (entity == null) {
            throw new ListValidationException(source, row.line(), "ent_num " + entNum + " is not in " + SDN);
        }
        return entity;
    }

    private static String entNum(CsvReader.Row row, String source) throws ListValidationException {
        String entNum = row.fields().get(0);
        if (!entNum.matches("\\d{1,10}")) {
            throw new ListValidationException(source, row.line(), "ent_num '" + entNum + "' is not a number");
        }
        return entNum;
    }

    private static List<CsvReader.Row> rows(byte[] content, String source, int fieldCount)
            throws ListValidationException {
        ListFiles.checkSize(source, content.length);
        List<CsvReader.Row> rows = CsvReader.read(decode(content), source);
        if (rows.isEmpty()) {
            throw new ListValidationException(source, 0, "file has no records");
        }
        for (CsvReader.Row row : rows) {
            if (row.fields().size() != fieldCount) {
                throw new ListValidationException(source, row.line(),
                        "expected " + fieldCount + " fields, found " + row.fields().size());
            }
        }
        return rows;
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, LEGACY_CHARSET);
        }
    }

    /** The field's text, or null for OFAC's empty marker. */
    private static String value(String field) {
        return field.isEmpty() || field.equals(EMPTY) ? null : field;
    }

    /** "sha256:" and the first 16 hex digits of the SHA-256 of the contents, in order. */
    static String digest(byte[]... contents) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] content : contents) {
                sha256.update(content);
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

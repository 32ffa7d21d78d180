package io.kycflow.sanctions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the UN Security Council consolidated list XML (CONSOLIDATED_LIST with INDIVIDUALS/INDIVIDUAL and
 * ENTITIES/ENTITY) with the JDK's StAX parser. The list version is the root's dateGenerated attribute.
 *
 * <p>The parser is safe for files from outside: a document with a DTD is rejected outright (so no external
 * entity or entity expansion can happen), the file size is bounded and so is element nesting. A malformed or
 * truncated document, an entry without DATAID or name, a duplicate DATAID or fewer entries than the configured
 * minimum is a {@link ListValidationException} with the line.
 */
public final class UnConsolidatedParser {

    /** Default lower bound on entries; the list has held around a thousand for years. */
    public static final int DEFAULT_MINIMUM_ENTRIES = 500;

    private static final String ROOT = "CONSOLIDATED_LIST";
    /** Entries nest three levels (INDIVIDUAL/NATIONALITY/VALUE); anything much deeper is not this format. */
    private static final int MAX_DEPTH = 8;

    private final int minimumEntries;
    private final XMLInputFactory factory;

    /** A parser that requires at least {@link #DEFAULT_MINIMUM_ENTRIES} entries. */
    public UnConsolidatedParser() {
        this(DEFAULT_MINIMUM_ENTRIES);
    }

    /** A parser that rejects a list with fewer than {@code minimumEntries} entries. */
    public UnConsolidatedParser(int minimumEntries) {
        if (minimumEntries < 1) {
            throw new IllegalArgumentException("minimumEntries must be at least 1");
        }
        this.minimumEntries = minimumEntries;
        // the JDK's own implementation, whatever StAX provider is on the class path
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Parses the list file. */
    public ParsedList parse(Path file) throws IOException, ListValidationException {
        return parse(ListFiles.read(file), file.getFileName().toString());
    }

    /** Parses the list's bytes; {@code source} names the file in error messages. */
    public ParsedList parse(byte[] xml, String source) throws ListValidationException {
        ListFiles.checkSize(source, xml.length);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            return read(reader, source);
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            throw new ListValidationException(source, line, "malformed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing is left to release: the input is an in-memory array
                }
            }
        }
    }

    private ParsedList read(XMLStreamReader reader, String source) throws XMLStreamException, ListValidationException {
        String version = null;
        List<ListedEntity> entities = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new ListValidationException(source, line(reader), "a DTD is not allowed in the list");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (version == null) {
                if (!name.equals(ROOT)) {
                    throw new ListValidationException(source, line(reader), "root element is " + name + ", not " + ROOT);
                }
                version = reader.getAttributeValue(null, "dateGenerated");
                if (version == null || version.isBlank()) {
                    throw new ListValidationException(source, line(reader), ROOT + " has no dateGenerated");
                }
            } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                long line = line(reader);
                ListedEntity entity = toEntity(Node.read(reader, MAX_DEPTH, source), version, source, line);
                if (!ids.add(entity.sourceId())) {
                    throw new ListValidationException(source, line, "duplicate DATAID " + entity.sourceId());
                }
                entities.add(entity);
            }
        }
        if (version == null) {
            throw new ListValidationException(source, 0, "no " + ROOT + " element");
        }
        if (entities.size() < minimumEntries) {
            throw new ListValidationException(source, 0,
                    entities.size() + " entries, fewer than the minimum of " + minimumEntries);
        }
        return new ParsedList(SanctionsList.UN_CONSOLIDATED, version, entities);
    }

    private static ListedEntity toEntity(Node node, String version, String source, long line)
            throws ListValidationException {
        boolean person = node.name.equals("INDIVIDUAL");
        String dataId = node.text("DATAID");
        if (dataId == null) {
            throw new ListValidationException(source, line, node.name + " without DATAID");
        }
        EntityBuilder entity = new EntityBuilder(dataId);
        entity.type = person ? EntityType.PERSON : EntityType.ENTITY;
        entity.primaryName = join(" ", node, "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME");
        if (entity.primaryName == null) {
            throw new ListValidationException(source, line, node.name + " " + dataId + " has no name");
        }
        String originalScript = node.text("NAME_ORIGINAL_SCRIPT");
        if (originalScript != null) {
            entity.aliases.add(new Alias(originalScript, Alias.Type.ORIGINAL_SCRIPT, Alias.Strength.STRONG));
        }
        for (Node alias : node.all(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String aliasName = alias.text("ALIAS_NAME");
            if (aliasName != null) {
                entity.aliases.add(alias(aliasName, alias.text("QUALITY")));
            }
        }
        for (Node dob : node.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            BirthDate date = birthDate(dob);
            if (date != null) {
                entity.datesOfBirth.add(date);
            }
        }
        for (Node pob : node.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
            String place = join(", ", pob, "STREET", "CITY", "STATE_PROVINCE", "COUNTRY");
            if (place != null) {
                entity.placesOfBirth.add(place);
            }
        }
        node.all("NATIONALITY").forEach(n -> entity.nationalities.addAll(n.texts("VALUE")));
        for (Node document : node.all("INDIVIDUAL_DOCUMENT")) {
            String number = document.text("NUMBER");
            if (number != null) {
                String type = document.firstText("TYPE_OF_DOCUMENT", "TYPE_OF_DOCUMENT2");
                String country = document.firstText("ISSUING_COUNTRY", "COUNTRY_OF_ISSUE");
                entity.documents.add(new IdentityDocument(type == null ? "Document" : type, number, country));
            }
        }
        for (Node address : node.all(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            String street = address.text("STREET");
            String locality = join(", ", address, "CITY", "STATE_PROVINCE", "ZIP_CODE");
            String country = address.text("COUNTRY");
            if (street != null || locality != null || country != null) {
                entity.addresses.add(new Address(street, locality, country, address.text("NOTE")));
            }
        }
        String program = node.text("UN_LIST_TYPE");
        if (program != null) {
            entity.programs.add(program);
        }
        entity.gender = node.text("GENDER");
        entity.remarks = node.text("COMMENTS1");
        return entity.build(SanctionsList.UN_CONSOLIDATED, version);
    }

    /** Individuals' QUALITY is Good or Low; entities' says a.k.a. or f.k.a. */
    private static Alias alias(String name, String quality) {
        Alias.Type type = switch (quality == null ? "" : quality) {
            case "f.k.a." -> Alias.Type.FKA;
            case "n.k.a." -> Alias.Type.NKA;
            default -> Alias.Type.AKA;
        };
        return new Alias(name, type, "Low".equalsIgnoreCase(quality) ? Alias.Strength.WEAK : Alias.Strength.STRONG);
    }

    /** EXACT or APPROXIMATELY with DATE or YEAR, or BETWEEN with FROM_YEAR and TO_YEAR; null when none is given. */
    private static BirthDate birthDate(Node dob) {
        String from = dob.text("FROM_YEAR");
        String to = dob.text("TO_YEAR");
        String text = from != null && to != null ? from + " to " + to
                : dob.firstText("DATE", "YEAR");
        if (text == null) {
            return null;
        }
        BirthDate parsed = BirthDate.parse(text);
        boolean approximate = "APPROXIMATELY".equalsIgnoreCase(dob.text("TYPE_OF_DATE"));
        return new BirthDate(text, approximate, parsed.earliest(), parsed.latest());
    }

    /** The non-empty texts of the named children joined, or null when there are none. */
    private static String join(String separator, Node node, String... names) {
        String joined = Stream.of(names).map(node::text).filter(Objects::nonNull)
                .collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    private static long line(XMLStreamReader reader) {
        return Math.max(0, reader.getLocation().getLineNumber());
    }

    /** One element read whole: an entry is small, and a tree makes its optional, repeated parts easy to map. */
    private record Node(String name, String value, List<Node> children) {

        /** Reads the element the reader is on, up to its end tag. */
        static Node read(XMLStreamReader reader, int depthLeft, String source)
                throws XMLStreamException, ListValidationException {
            if (depthLeft == 0) {
                throw new ListValidationException(source, line(reader), "elements nested too deeply");
            }
            String name = reader.getLocalName();
            StringBuilder text = new StringBuilder();
            List<Node> children = new ArrayList<>();
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> children.add(read(reader, depthLeft - 1, source));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        return new Node(name, text.toString().strip(), children);
                    }
                    default -> {
                        // comments and processing instructions carry nothing for the list
                    }
                }
            }
        }

        /** The stripped text of the first child with that name, or null when it is absent or empty. */
        String text(String child) {
            return texts(child).stream().findFirst().orElse(null);
        }

        /** The text of the first of the named children that has one, or null. */
        String firstText(String... names) {
            return Stream.of(names).map(this::text).filter(Objects::nonNull).findFirst().orElse(null);
        }

        /** The non-empty texts of the children with that name. */
        List<String> texts(String child) {
            return all(child).stream().map(Node::value).filter(v -> !v.isEmpty()).toList();
        }

        List<Node> all(String child) {
            return children.stream().filter(c -> c.name.equals(child)).toList();
        }
    }
}

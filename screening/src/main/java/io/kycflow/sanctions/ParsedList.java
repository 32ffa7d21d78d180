package io.kycflow.sanctions;

import java.util.List;
import java.util.Objects;

/**
 * One sanctions list as a parser read it: every entry, in the file's order, with the list's version.
 *
 * @param list     which list
 * @param version  the list version (UN dateGenerated; for OFAC's legacy CSV, which carries no date, the caller's
 *                 version or a digest of the files)
 * @param entities the entries
 */
public record ParsedList(SanctionsList list, String version, List<ListedEntity> entities) {

    public ParsedList {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(version, "version");
        entities = List.copyOf(entities);
    }

    /** How many entries are of the given type. */
    public long count(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).count();
    }

    /** How many aliases the entries have in all. */
    public long aliasCount() {
        return entities.stream().mapToLong(e -> e.aliases().size()).sum();
    }
}

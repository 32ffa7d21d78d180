package io.kycflow.screening;

import io.kycflow.matching.MatchConfidence;
import io.kycflow.matching.NameKind;
import io.kycflow.matching.NameMatcher;
import io.kycflow.matching.PreparedName;
import io.kycflow.sanctions.Alias;
import io.kycflow.sanctions.DigitalCurrencyAddress;
import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Screens names against loaded sanctions lists.
 *
 * <p><b>Name score.</b> Every primary name and alias is weighed with {@link MatchConfidence}, the match decision
 * (0-100: how confident the screening is that the screened name is the listed one, from the evidence all parts of
 * both names give); an entry's name score is that of its best name. A candidate filter ({@link NameIndex}) skips the
 * names that provably cannot reach the needed score, so the results are exactly those of scoring every name. Each
 * hit also reports its OFAC-compatible score ({@link NameMatcher}, as OFAC's Sanctions List Search tool would score
 * the best of the entry's names), for comparison only: it decides nothing.
 *
 * <p><b>Confidence formula.</b> The hit's score is the name score adjusted by each secondary field the query
 * gives, then clamped to 0-100:
 * <ul>
 *   <li>date_of_birth: the screened date (year, month or day) overlaps a listed date of birth: MATCH +5; the
 *       entry has parsed dates of birth but none within one year of it: MISMATCH -15; otherwise UNKNOWN 0;</li>
 *   <li>nationality: compared with the listed nationalities and citizenships, codes and spellings resolved to
 *       one country ("RUS", "RU", "Russia", "Russian Federation", "Russian"): MATCH +3; the entry names others:
 *       MISMATCH -5; the entry names none: UNKNOWN 0;</li>
 *   <li>entity_type: PERSON against a listed individual or BUSINESS against a listed entity, vessel or
 *       aircraft: MATCH 0; otherwise MISMATCH -20;</li>
 *   <li>country: equal to the country of a listed address: MATCH +2; otherwise UNKNOWN 0;</li>
 *   <li>document_id: equal, as upper-case letters and digits, to a listed document number: MATCH, and the score
 *       is 100 whatever the rest says (the adjustment shows the points that took); a different number is
 *       UNKNOWN 0, as a person holds many documents. An entry with that document is a hit even when no name
 *       matches.</li>
 * </ul>
 * No field raises a name that does not match at all: the bonuses only apply to a name score of at least
 * {@link SecondaryFields#NAME_FLOOR}. A hit lists a {@link FieldCheck} for every field the query gives.
 *
 * <p>Immutable and thread-safe. {@link #writeSnapshot} stores the index with every name already normalised and
 * the candidate filter's arrays as built, so {@link #readSnapshot} needs no transliteration and loads in a
 * fraction of the build time.
 */
public final class ScreeningIndex {

    /** The OFAC-compatible scorer, for each hit's {@code ofacScore}. */
    private static final NameMatcher OFAC = new NameMatcher();
    private static final Pattern ETHEREUM = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    private static final Comparator<ScreeningHit> HIT_ORDER = Comparator.comparingInt(ScreeningHit::score).reversed()
            .thenComparing(ScreeningHit::list)
            .thenComparing(ScreeningHit::sourceId, ScreeningIndex::compareIds);

    private final Map<SanctionsList, String> listVersions;
    private final List<ListedEntry> entries;
    /** The names of entry e are [entryNames[e], entryNames[e + 1]): each entry's names are contiguous. */
    private final int[] entryNames;
    private final int[] nameEntry;
    private final NameIndex names;
    private final Map<String, int[]> entriesByDocument;
    private final Map<String, List<AddressHit>> addresses;

    ScreeningIndex(Map<SanctionsList, String> listVersions, List<ListedEntry> entries, int[] entryNames,
            NameIndex names) {
        this.listVersions = Collections.unmodifiableMap(new EnumMap<>(listVersions));
        this.entries = List.copyOf(entries);
        this.entryNames = entryNames;
        this.nameEntry = new int[names.size()];
        for (int e = 0; e < entries.size(); e++) {
            Arrays.fill(nameEntry, entryNames[e], entryNames[e + 1], e);
        }
        this.names = names;
        // plain loops, no lambdas or streams: this runs on every snapshot load, in a JVM that has just started
        this.entriesByDocument = new HashMap<>();
        this.addresses = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            ListedEntry entry = entries.get(e);
            for (String number : entry.documentNumbers()) {
                String key = SecondaryFields.documentKey(number);
                int[] holders = entriesByDocument.get(key);
                if (key.isEmpty() || holders != null && holders[holders.length - 1] == e) {
                    continue;
                }
                holders = holders == null ? new int[1] : Arrays.copyOf(holders, holders.length + 1);
                holders[holders.length - 1] = e;
                entriesByDocument.put(key, holders);
            }
            for (DigitalCurrencyAddress address : entry.digitalCurrencyAddresses()) {
                String key = addressKey(address.address());
                List<AddressHit> hits = addresses.get(key);
                if (hits == null) {
                    hits = new ArrayList<>(1);
                    addresses.put(key, hits);
                }
                hits.add(new AddressHit(entry.list(), entry.listVersion(), entry.sourceId(), entry.primaryName(),
                        entry.type(), address.currency(), address.address(), entry.programs()));
            }
        }
        for (Map.Entry<String, List<AddressHit>> hits : addresses.entrySet()) {
            hits.setValue(List.copyOf(hits.getValue()));
        }
    }

    /**
     * Builds an index of the given lists, normalising every primary name and alias (the slow part: ICU
     * transliteration of non-Latin names).
     *
     * @throws IllegalArgumentException when a list is given twice
     */
    public static ScreeningIndex build(List<ParsedList> lists) {
        Map<SanctionsList, String> versions = new EnumMap<>(SanctionsList.class);
        List<ListedEntry> entries = new ArrayList<>();
        List<String> rawNames = new ArrayList<>();
        List<NameKind> kinds = new ArrayList<>();
        List<Integer> firstNames = new ArrayList<>();
        for (ParsedList list : lists) {
            if (versions.putIfAbsent(list.list(), list.version()) != null) {
                throw new IllegalArgumentException(list.list() + " given twice");
            }
            for (ListedEntity entity : list.entities()) {
                firstNames.add(rawNames.size());
                entries.add(ListedEntry.of(entity));
                NameKind kind = entity.type() == EntityType.PERSON ? NameKind.PERSON : NameKind.UNKNOWN;
                rawNames.add(entity.primaryName());
                kinds.add(kind);
                for (Alias alias : entity.aliases()) {
                    rawNames.add(alias.name());
                    kinds.add(kind);
                }
            }
        }
        firstNames.add(rawNames.size());
        PreparedName[] prepared = IntStream.range(0, rawNames.size()).parallel()
                .mapToObj(n -> PreparedName.of(rawNames.get(n), kinds.get(n)))
                .toArray(PreparedName[]::new);
        int[] entryNames = firstNames.stream().mapToInt(Integer::intValue).toArray();
        int[] nameEntry = new int[prepared.length];
        for (int e = 0; e < entries.size(); e++) {
            Arrays.fill(nameEntry, entryNames[e], entryNames[e + 1], e);
        }
        return new ScreeningIndex(versions, entries, entryNames,
                NameIndex.build(prepared, personNames(entries, entryNames), nameEntry));
    }

    /** Per name, whether it is a listed person's (its parts then take a person's roles). */
    static boolean[] personNames(List<ListedEntry> entries, int[] entryNames) {
        boolean[] person = new boolean[entryNames[entries.size()]];
        for (int e = 0; e < entries.size(); e++) {
            Arrays.fill(person, entryNames[e], entryNames[e + 1], entries.get(e).type() == EntityType.PERSON);
        }
        return person;
    }

    /** Screens one subject. Thread-safe. */
    public ScreeningResult screen(ScreeningQuery query) {
        return screen(query, true);
    }

    /**
     * Screens one subject, with the candidate filter or by scoring every name: the tests hold the two equal.
     */
    ScreeningResult screen(ScreeningQuery query, boolean filtered) {
        PreparedName screened = PreparedName.of(query.name(), switch (query.type()) {
            case null -> NameKind.UNKNOWN;
            case PERSON -> NameKind.PERSON;
            case BUSINESS -> NameKind.ORGANIZATION;
        });
        NameIndex.Query prepared = names.prepare(screened, query.type() == null ? null : query.type() == SubjectType.PERSON);
        SecondaryFields fields = new SecondaryFields(query);
        Set<SanctionsList> wanted = query.lists().isEmpty() ? listVersions.keySet() : query.lists();
        Map<SanctionsList, String> checked = new EnumMap<>(SanctionsList.class);
        listVersions.forEach((list, version) -> {
            if (wanted.contains(list)) {
                checked.put(list, version);
            }
        });
        int[] candidates = filtered
                ? names.candidates(prepared, fields.nameScoreNeeded(query.minScore()))
                : IntStream.range(0, names.size()).toArray();
        candidates = withDocumentEntries(candidates, fields.document());

        List<ScreeningHit> hits = new ArrayList<>();
        for (int i = 0; i < candidates.length; ) {
            int entryId = nameEntry[candidates[i]];
            ListedEntry entry = entries.get(entryId);
            boolean wantedList = checked.containsKey(entry.list());
            int bestScore = -1;
            int bestName = -1;
            // an entry's names are contiguous, and the first of equally scoring names is the one reported
            for (; i < candidates.length && nameEntry[candidates[i]] == entryId; i++) {
                int score = wantedList ? names.confidence(prepared, candidates[i], !filtered) : -1;
                if (score > bestScore) {
                    bestScore = score;
                    bestName = candidates[i];
                }
            }
            if (bestName < 0) {
                continue;
            }
            SecondaryFields.Scored scored = fields.compare(entry, bestScore);
            if (scored.score() >= query.minScore()) {
                hits.add(new ScreeningHit(entry.list(), entry.listVersion(), entry.sourceId(), entry.type(),
                        entry.primaryName(), names.name(bestName).original(), bestScore, scored.score(),
                        ofacScore(screened, entryId), entry.programs(), entry.dateOfBirthTexts(),
                        entry.nationalities(), scored.checks()));
            }
        }
        hits.sort(HIT_ORDER);
        return new ScreeningResult(hits, checked);
    }

    /** The OFAC-compatible score of the screened name against the best of an entry's names. */
    private int ofacScore(PreparedName screened, int entryId) {
        int best = 0;
        for (int n = entryNames[entryId]; n < entryNames[entryId + 1]; n++) {
            best = Math.max(best, OFAC.score(screened, names.name(n)));
        }
        return best;
    }

    /** Adds every name of the entries holding the screened document, which are hits whatever their names score. */
    private int[] withDocumentEntries(int[] candidates, String document) {
        int[] holders = document == null ? null : entriesByDocument.get(document);
        if (holders == null) {
            return candidates;
        }
        IntStream holderNames = Arrays.stream(holders).flatMap(e -> IntStream.range(entryNames[e], entryNames[e + 1]));
        return IntStream.concat(Arrays.stream(candidates), holderNames).sorted().distinct().toArray();
    }

    /**
     * The listed digital currency addresses equal to {@code address}: Ethereum-style addresses (0x and 40 hex
     * digits, whose letter case is only a checksum) compare ignoring case, all others exactly.
     */
    public List<AddressHit> findAddress(String address) {
        return address == null ? List.of() : addresses.getOrDefault(addressKey(address.strip()), List.of());
    }

    private static String addressKey(String address) {
        return ETHEREUM.matcher(address).matches() ? address.toLowerCase(Locale.ROOT) : address;
    }

    /** The loaded lists with their versions. */
    public Map<SanctionsList, String> listVersions() {
        return listVersions;
    }

    /** How many listed entries the index holds. */
    public int entryCount() {
        return entries.size();
    }

    /** How many names (primary names and aliases) the index holds. */
    public int nameCount() {
        return names.size();
    }

    /**
     * Writes the index in a compact binary form (a versioned header, the deflated body and its checksum) that
     * {@link #readSnapshot} loads without normalising any name or rebuilding the candidate filter.
     */
    public void writeSnapshot(OutputStream out) throws IOException {
        ScreeningSnapshot.write(out, listVersions, entries, entryNames, names);
    }

    /** The snapshot format {@link #writeSnapshot} writes: a snapshot named for a list version should carry it. */
    public static final int SNAPSHOT_FORMAT = ScreeningSnapshot.FORMAT;

    /**
     * Loads an index written by {@link #writeSnapshot}.
     *
     * @throws SnapshotFormatException when the snapshot was written in another format (by another release)
     * @throws IOException             when the stream is not a snapshot, is truncated or is corrupted
     */
    public static ScreeningIndex readSnapshot(InputStream in) throws IOException {
        return ScreeningSnapshot.read(in);
    }

    /** Numeric ids (OFAC ent_num, UN DATAID) in numeric order, others as text. */
    private static int compareIds(String a, String b) {
        boolean numeric = isNumber(a) && isNumber(b);
        return numeric && a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** A loop, not a stream: sorting a large result compares ids thousands of times. */
    private static boolean isNumber(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return !id.isEmpty();
    }
}

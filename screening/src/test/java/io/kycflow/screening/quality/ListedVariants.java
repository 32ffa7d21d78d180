package io.kycflow.screening.quality;

import com.ibm.icu.text.Transliterator;
import io.kycflow.matching.NameKind;
import io.kycflow.matching.PreparedName;
import io.kycflow.sanctions.Alias;
import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Names of listed entries written the ways customers and data entry write them, each of which must find its own
 * entry: built from the lists themselves with a fixed seed, so every run measures the same variants. Entries are
 * split in two halves by id ({@link #splitOf}), like the unlisted names, so that the matcher can be tuned on one
 * half and reported on the other.
 */
public final class ListedVariants {

    /** How a variant was made from the listed name. */
    public enum Kind {
        /** One typing error (a letter replaced, dropped, added, or two swapped) in one part of five letters or more. */
        TYPO("typo"),
        /** A person's middle names or patronymics left out: given name and surname only. */
        DROPPED_MIDDLE("dropped middle names"),
        /** A person's name written surname first without a comma (or, with no known surname, back to front). */
        REORDERED("reordered parts"),
        /** One common romanisation choice made differently (MOHAMMED/MUHAMMAD, KH/H, OU/U, Y/I, -OV/-OFF...). */
        TRANSLITERATION("transliteration variant"),
        /** The name in its original script, as the UN list gives it. */
        ORIGINAL_SCRIPT("original script (from the list)"),
        /** A person's Latin name written in Cyrillic (ICU Latin-Cyrillic), as a Russian-speaking customer might. */
        CYRILLIC("written in Cyrillic"),
        /** A strong alias of a person, surname first, or with its middle names dropped. */
        ALIAS("alias, reordered or shortened"),
        /** An organisation's name with a typing error. */
        ORGANIZATION("organisation with a typo");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One variant: the query, the entry it must find and the name it was made from. */
    public record Variant(Kind kind, String query, SanctionsList list, String sourceId, String split, String from) {
    }

    /** MOHAMMED's common spellings, any of which a customer may use for a listed one. */
    private static final List<String> MOHAMMED = List.of("MOHAMMED", "MOHAMMAD", "MUHAMMAD", "MUHAMMED", "MOHAMED",
            "MOHAMAD", "MUHAMAD");
    /** Romanisation swaps: a part matching the first pattern gets it replaced by the second. */
    private static final String[][] SWAPS = {
            {"KH", "H"}, {"OU", "U"}, {"(?<=[^OQ])U", "OU"}, {"EE", "I"}, {"(?<=.)Y", "I"}, {"(?<=.)I(?=[AEOU])", "Y"},
            {"SH", "SCH"}, {"^J", "DJ"}, {"Q", "K"}, {"PH", "F"}, {"OV$", "OFF"}, {"EV$", "EFF"}, {"AI", "AY"},
            {"EI", "EY"}, {"IY$", "I"}, {"DH", "D"}, {"TH", "T"}, {"GH", "G"}, {"^W", "V"}, {"^V", "W"},
            {"X", "KS"}, {"KS", "X"}, {"AA", "A"}, {"OO", "U"}, {"(?<=[AEIOU])SS(?=[AEIOU])", "S"},
            {"(?<=[AEIOU])S(?=[AEIOU])", "SS"}, {"IA$", "IYA"}, {"YA$", "IA"}};

    private ListedVariants() {
    }

    /** Which half an entry is in: "dev" (may be tuned on) or "test" (reported). */
    public static String splitOf(SanctionsList list, String sourceId) {
        return Math.floorMod((list.name() + ":" + sourceId).hashCode(), 2) == 0 ? "dev" : "test";
    }

    /** Up to {@code perKind} variants of each kind, from distinct entries chosen with {@code seed}. */
    public static List<Variant> generate(List<ParsedList> lists, int perKind, long seed) {
        List<ListedEntity> persons = new ArrayList<>();
        List<ListedEntity> organisations = new ArrayList<>();
        for (ParsedList list : lists) {
            for (ListedEntity entity : list.entities()) {
                if (entity.type() == EntityType.PERSON) {
                    persons.add(entity);
                } else if (entity.type() == EntityType.ENTITY) {
                    organisations.add(entity);
                }
            }
        }
        Transliterator cyrillic = Transliterator.getInstance("Latin-Cyrillic");
        List<Variant> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Random random = new Random(seed + kind.ordinal());
            List<ListedEntity> pool = new ArrayList<>(kind == Kind.ORGANIZATION ? organisations : persons);
            Collections.shuffle(pool, random);
            BiFunction<ListedEntity, Random, String[]> make = switch (kind) {
                case TYPO, ORGANIZATION -> (e, r) -> from(e.primaryName(), typo(tokens(e.primaryName(), kind), r));
                case DROPPED_MIDDLE -> (e, r) -> from(e.primaryName(), withoutMiddle(e.primaryName()));
                case REORDERED -> (e, r) -> from(e.primaryName(), surnameFirst(e.primaryName()));
                case TRANSLITERATION -> (e, r) -> from(e.primaryName(), transliterated(tokens(e.primaryName(), kind), r));
                case ORIGINAL_SCRIPT -> (e, r) -> originalScript(e);
                case CYRILLIC -> (e, r) -> new String[] {cyrillic.transliterate(e.primaryName().replace(",", "")),
                        e.primaryName()};
                case ALIAS -> ListedVariants::alias;
            };
            int made = 0;
            for (ListedEntity entity : pool) {
                if (made == perKind) {
                    break;
                }
                String[] variant = make.apply(entity, random);
                if (variant != null && !variant[0].isBlank()) {
                    out.add(new Variant(kind, variant[0], entity.list(), entity.sourceId(),
                            splitOf(entity.list(), entity.sourceId()), variant[1]));
                    made++;
                }
            }
        }
        return out;
    }

    private static String[] from(String original, List<String> tokens) {
        return tokens == null ? null : new String[] {String.join(" ", tokens), original};
    }

    private static List<String> tokens(String name, Kind kind) {
        return new ArrayList<>(PreparedName.of(name, kind == Kind.ORGANIZATION ? NameKind.UNKNOWN : NameKind.PERSON)
                .tokens());
    }

    /** One edit at a random position after the first letter of a random part of five letters or more. */
    private static List<String> typo(List<String> tokens, Random random) {
        List<Integer> long5 = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length() >= 5 && tokens.get(i).chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                long5.add(i);
            }
        }
        if (long5.isEmpty()) {
            return null;
        }
        int i = long5.get(random.nextInt(long5.size()));
        StringBuilder token = new StringBuilder(tokens.get(i));
        int at = 1 + random.nextInt(token.length() - 1);
        char letter = (char) ('A' + random.nextInt(26));
        switch (random.nextInt(4)) {
            case 0 -> token.setCharAt(at, letter == token.charAt(at) ? (char) ('A' + (letter - 'A' + 1) % 26) : letter);
            case 1 -> token.deleteCharAt(at);
            case 2 -> token.insert(at, letter);
            default -> {
                if (at + 1 < token.length() && token.charAt(at) != token.charAt(at + 1)) {
                    char c = token.charAt(at);
                    token.setCharAt(at, token.charAt(at + 1));
                    token.setCharAt(at + 1, c);
                } else {
                    token.deleteCharAt(at);
                }
            }
        }
        tokens.set(i, token.toString());
        return tokens;
    }

    /** Given name and surname, without the parts between them; null when there are none. */
    private static List<String> withoutMiddle(String name) {
        PreparedName prepared = PreparedName.of(name, NameKind.PERSON);
        List<String> tokens = prepared.tokens();
        int surnameFrom = surnameFrom(prepared);
        if (surnameFrom < 2) {
            return null;
        }
        List<String> out = new ArrayList<>();
        out.add(tokens.get(0));
        out.addAll(tokens.subList(surnameFrom, tokens.size()));
        return out;
    }

    /** The surname first, then the rest, with no comma; null for a one-part name. */
    private static List<String> surnameFirst(String name) {
        PreparedName prepared = PreparedName.of(name, NameKind.PERSON);
        List<String> tokens = prepared.tokens();
        if (tokens.size() < 2) {
            return null;
        }
        int surnameFrom = surnameFrom(prepared);
        List<String> out = new ArrayList<>(tokens.subList(surnameFrom, tokens.size()));
        out.addAll(tokens.subList(0, surnameFrom));
        return out;
    }

    private static int surnameFrom(PreparedName prepared) {
        int n = prepared.tokens().size();
        int surname = prepared.surnameCount();
        return surname > 0 && surname < n ? n - surname : n - 1;
    }

    /** One romanisation swap in one part, chosen at random among those that apply; null when none does. */
    private static List<String> transliterated(List<String> tokens, Random random) {
        List<String[]> options = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (MOHAMMED.contains(token)) {
                String other = MOHAMMED.get(random.nextInt(MOHAMMED.size()));
                if (!other.equals(token)) {
                    options.add(new String[] {Integer.toString(i), other});
                }
            }
            for (String[] swap : SWAPS) {
                String swapped = token.replaceFirst(swap[0], swap[1]);
                if (!swapped.equals(token) && token.length() >= 3) {
                    options.add(new String[] {Integer.toString(i), swapped});
                }
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        String[] chosen = options.get(random.nextInt(options.size()));
        tokens.set(Integer.parseInt(chosen[0]), chosen[1]);
        return tokens;
    }

    private static String[] originalScript(ListedEntity entity) {
        for (Alias alias : entity.aliases()) {
            if (alias.type() == Alias.Type.ORIGINAL_SCRIPT) {
                return new String[] {alias.name(), entity.primaryName()};
            }
        }
        return null;
    }

    /** A strong alias of two parts or more, surname first or without its middle names. */
    private static String[] alias(ListedEntity entity, Random random) {
        List<Alias> strong = new ArrayList<>();
        for (Alias alias : entity.aliases()) {
            if (alias.strength() == Alias.Strength.STRONG && alias.type() != Alias.Type.ORIGINAL_SCRIPT
                    && PreparedName.of(alias.name(), NameKind.PERSON).tokens().size() >= 2) {
                strong.add(alias);
            }
        }
        if (strong.isEmpty()) {
            return null;
        }
        String name = strong.get(random.nextInt(strong.size())).name();
        List<String> shortened = withoutMiddle(name);
        return from(name, shortened != null && random.nextBoolean() ? shortened : surnameFirst(name));
    }
}

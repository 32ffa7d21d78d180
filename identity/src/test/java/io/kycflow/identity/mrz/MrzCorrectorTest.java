package io.kycflow.identity.mrz;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MrzCorrectorTest {
    private static final List<List<String>> SPECIMENS = List.of(MrzParserTest.TD3_SPECIMEN,
            MrzParserTest.TD1_SPECIMEN, MrzParserTest.TD2_SPECIMEN);
    /** How OCR misreads a character: the confusions the corrector is built for. */
    private static final Map<Character, String> MISREADS = Map.ofEntries(Map.entry('0', "ODQ"), Map.entry('1', "IL"),
            Map.entry('2', "Z"), Map.entry('4', "A"), Map.entry('5', "S"), Map.entry('6', "G"), Map.entry('7', "T"),
            Map.entry('8', "B"), Map.entry('O', "0"), Map.entry('I', "1"), Map.entry('B', "8"), Map.entry('S', "5"),
            Map.entry('Z', "2"), Map.entry('G', "6"), Map.entry('T', "7"), Map.entry('A', "4"), Map.entry('D', "0"),
            Map.entry('<', "K"));
    private static final String[] SURNAMES = {"ERIKSSON", "GARCIA LOPEZ", "OBRIEN", "MULLER", "DE LA TORRE", "NGUYEN",
            "SMITH", "KOWALSKI", "TANAKA", "OSULLIVAN", "BIANCHI", "STOJANOVIC"};
    private static final String[] GIVEN = {"ANNA MARIA", "JOSE", "SIOBHAN", "LUDWIG", "ISABEL", "THI BICH", "JOHN PAUL",
            "ZOFIA", "HIROSHI", "DECLAN", "GIULIA", "BOGDAN"};
    private static final String[] STATES = {"UTO", "D", "ESP", "GBR", "FRA", "NLD", "ITA", "POL", "JPN", "IRL", "GBN",
            "XXA"};

    private final MrzParser parser = new MrzParser(MrzParserTest.CLOCK);

    @Test
    void leavesEveryIcaoSpecimenAsItIs() {
        for (List<String> specimen : SPECIMENS) {
            MrzCorrector.Correction correction = MrzCorrector.correct(specimen);
            assertEquals(specimen, correction.lines());
            assertEquals(0, correction.correctedCharacters());
        }
    }

    @Test
    void repairsTheSpecimenPassportAsOcrReadsIt() {
        List<String> raw = List.of("p<uto ERIKSSON«ANNA‹MARIA<<<<<<<<<<<<<<<<<<K",
                "L8989O2C3GUTO74O8122F12O4159ZE184226B<<<<<1O");
        MrzCorrector.Correction correction = MrzCorrector.correct(raw);
        assertEquals(MrzParserTest.TD3_SPECIMEN, correction.lines());
        // the K filler, the check digit G, the O in 7408122 and 1204159, the O of the composite, the O of the number
        assertEquals(6, correction.correctedCharacters());
        assertTrue(assertInstanceOf(Mrz.class, parser.parse(correction.lines())).checksumsValid());
    }

    @Test
    void repairsLineLayoutWhereItIsUnambiguous() {
        List<String> td1 = MrzParserTest.TD1_SPECIMEN;
        // text read above the zone, and a line that lost a trailing filler
        MrzCorrector.Correction withNoise = MrzCorrector.correct(List.of("UTOPIA IDENTITY CARD", td1.get(0),
                td1.get(1), td1.get(2).substring(0, 29)));
        assertEquals(td1, withNoise.lines());
        assertTrue(withNoise.layoutRepaired());
        // the zone read as one long line is split again
        assertEquals(MrzParserTest.TD3_SPECIMEN,
                MrzCorrector.correct(List.of(String.join("", MrzParserTest.TD3_SPECIMEN))).lines());
        // a filler too many in the run of the personal number
        MrzCorrector.Correction extra = MrzCorrector.correct(List.of(MrzParserTest.TD3_SPECIMEN.get(0),
                "L898902C36UTO7408122F1204159ZE184226B<<<<<<10"));
        assertEquals(MrzParserTest.TD3_SPECIMEN, extra.lines());
    }

    @Test
    void findsNoZoneInOtherText() {
        MrzCorrector.Correction none = MrzCorrector.correct(List.of("REPUBLIC OF UTOPIA", "PASSPORT", "ANNA"));
        assertEquals(List.of(), none.lines());
        assertNull(none.format());
        assertInstanceOf(NoMrz.class, parser.parse(none.lines()));
    }

    @Test
    void recoversGeneratedZonesWithInjectedOcrConfusions() {
        Random random = new Random(20250601);
        int zones = 400;
        int recovered = 0;
        int invisible = 0;
        int injected = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < zones; i++) {
            List<String> truth = randomZone(random);
            List<String> read = misread(truth, 1 + random.nextInt(3), random);
            injected += differences(truth, read);
            List<String> corrected = MrzCorrector.correct(messUp(read, random)).lines();
            if (corrected.equals(truth)) {
                recovered++;
            } else if (checkDigitInvisible(truth, corrected)) {
                invisible++;
            } else if (missed.size() < 5) {
                missed.add(truth + " read " + read + " corrected " + corrected);
            }
        }
        double rate = (double) recovered / zones;
        double visibleRate = (double) recovered / (zones - invisible);
        System.out.printf(Locale.ROOT, "MRZ corrector: %d of %d generated zones fully recovered (%.1f%%) from %d injected"
                + " confusions; %d more differ only where check digits cannot see (L/1, G/6, U/0, K/<: equal modulo"
                + " 10); %.1f%% of the rest recovered%n", recovered, zones, 100 * rate, injected, invisible,
                100 * visibleRate);
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertTrue(visibleRate >= 0.88, "recovery rate " + visibleRate);
        assertTrue(rate >= 0.63, "recovery rate " + rate);
    }

    /**
     * Whether the corrected zone differs from the truth only in characters of the same check digit value modulo 10 in
     * positions where a letter and a digit are both allowed: no check digit can tell such readings apart.
     */
    private static boolean checkDigitInvisible(List<String> truth, List<String> corrected) {
        if (corrected.size() != truth.size()) {
            return false;
        }
        for (int i = 0; i < truth.size(); i++) {
            for (int j = 0; j < truth.get(i).length(); j++) {
                char t = truth.get(i).charAt(j);
                char c = corrected.get(i).charAt(j);
                if (t != c && value(t) % 10 != value(c) % 10) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int value(char c) {
        return c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
    }

    @Test
    void everyRecoveredGeneratedZoneParsesWithValidCheckDigits() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            List<String> truth = randomZone(random);
            Mrz mrz = assertInstanceOf(Mrz.class, parser.parse(MrzCorrector.correct(truth).lines()));
            assertTrue(mrz.checksumsValid(), truth + " " + mrz.failedChecks());
        }
    }

    private static List<String> randomZone(Random random) {
        MrzFormat format = MrzFormat.values()[random.nextInt(3)];
        String code = format == MrzFormat.TD3 ? "P" : random.nextBoolean() ? "I" : "ID";
        String state = STATES[random.nextInt(STATES.length)];
        String number = alnum(random, 8 + random.nextInt(2));
        LocalDate birth = LocalDate.of(1940 + random.nextInt(65), 1, 1).plusDays(random.nextInt(365));
        LocalDate expiry = LocalDate.of(2020 + random.nextInt(15), 1, 1).plusDays(random.nextInt(365));
        String optional = random.nextBoolean() ? "" : alnum(random, 3 + random.nextInt(6));
        return MrzComposer.compose(format, new MrzComposer.MrzData(code, state, SURNAMES[random.nextInt(SURNAMES.length)],
                GIVEN[random.nextInt(GIVEN.length)], number, state, birth, random.nextBoolean() ? "F" : "M", expiry,
                optional));
    }

    private static String alnum(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(3) == 0 ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** The zone with {@code count} characters misread as OCR misreads them. */
    private static List<String> misread(List<String> truth, int count, Random random) {
        List<char[]> lines = new ArrayList<>();
        truth.forEach(line -> lines.add(line.toCharArray()));
        int done = 0;
        while (done < count) {
            char[] line = lines.get(random.nextInt(lines.size()));
            int p = random.nextInt(line.length);
            String options = MISREADS.get(line[p]);
            if (options != null) {
                line[p] = options.charAt(random.nextInt(options.length()));
                done++;
            }
        }
        return lines.stream().map(String::new).toList();
    }

    /** Spacing, case and filler glyphs as OCR gives them, which carry no information. */
    private static List<String> messUp(List<String> lines, Random random) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String messed = random.nextInt(4) == 0 ? line.toLowerCase(Locale.ROOT) : line;
            if (random.nextInt(4) == 0) {
                messed = messed.replace("<", "‹");
            }
            int space = random.nextInt(messed.length());
            out.add(random.nextBoolean() ? messed.substring(0, space) + " " + messed.substring(space) : messed);
        }
        return out;
    }

    private static int differences(List<String> a, List<String> b) {
        int count = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length(); j++) {
                count += a.get(i).charAt(j) != b.get(i).charAt(j) ? 1 : 0;
            }
        }
        return count;
    }
}

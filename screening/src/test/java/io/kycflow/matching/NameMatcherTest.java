package io.kycflow.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatcherTest {

    private final NameMatcher matcher = new NameMatcher();

    @Test
    void identicalNamesScore100() {
        assertEquals(100, matcher.score("Osama bin Laden", "Osama bin Laden"));
        assertEquals(100, matcher.score("PUTIN, Vladimir", "PUTIN, Vladimir"));
    }

    /** Screening relies on every listed name finding itself at 100, whatever its script, kind or punctuation. */
    @Test
    void everyNameScores100AgainstItself() {
        List<String> names = List.of(
                "PUTIN, Vladimir Vladimirovich", "Osama bin Laden", "BIN LADIN, Usama bin Muhammad bin Awad",
                "Mahmood Ahmed Bashir-ud-Din", "AL-QAEDA", "ALQAEDA", "O'Brien", "J.P. Morgan", "Z", "Xi",
                "KIM, Jong Un", "PUTINPUTIN", "Lech Wałęsa", "Straße", "Əliyev Ilham", "Sheikh Haji Abdullah",
                "Dr.", "AL JIL ALQADEM GENERAL TRADING L.L.C.", "Gazprom Neft PJSC", "DONCOALTRADE SP Z O O",
                "Владимир Путин", "فلاديمير بوتين", "ולדימיר פוטין", "Βλαδίμηρος Πούτιν", "习近平", "金正恩",
                "ウラジーミル・プーチン", "김정은", "व्लादिमीर पुतिन", "วลาดิมีร์ ปูติน", "ვლადიმერ პუტინი",
                "Վլադիմիր Պուտին", "ܦܘܬܝܢ", "ሙሴ", "វ៉្លាឌីមៀរ ពូទីន", "ཝ་ལ་དི་མིར།", "ᠸᠯᠠᠳᠢᠮᠢᠷ", "ᏣᎳᎩ");
        for (String name : names) {
            assertEquals(100, matcher.score(name, name), name);
            for (NameKind kind : NameKind.values()) {
                assertEquals(100, matcher.score(PreparedName.of(name, kind), PreparedName.of(name, kind)),
                        name + " as " + kind);
            }
        }
    }

    @Test
    void orderAndLastCommaFirstDoNotMatter() {
        assertEquals(100, matcher.score("Vladimir Putin", "PUTIN, Vladimir"));
        assertEquals(100, matcher.score("Putin Vladimir", "Vladimir Putin"));
    }

    @Test
    void symmetricForSameShapedNames() {
        assertEquals(matcher.score("Wladimir Putin", "Vladimir Putin"), matcher.score("Vladimir Putin", "Wladimir Putin"));
        assertEquals(matcher.score("Usama bin Ladin", "Osama bin Laden"), matcher.score("Osama bin Laden", "Usama bin Ladin"));
    }

    @Test
    void missingMiddleNamesAndInitialsDoNotCount() {
        assertEquals(100, matcher.score("Vladimir Putin", "PUTIN, Vladimir Vladimirovich"));
        assertEquals(100, matcher.score("Vladimir V. Putin", "PUTIN, Vladimir Vladimirovich"));
    }

    @Test
    void joinedAndSplitPartsMatch() {
        assertTrue(matcher.score("AbuBakr al-Baghdadi", "ABU BAKR AL-BAGHDADI") >= 95);
        assertTrue(matcher.score("Abu Bakr Baghdadi", "ABUBAKR AL-BAGHDADI") >= 95);
    }

    @Test
    void crossScriptNamesMatch() {
        assertTrue(matcher.score("Владимир Путин", "PUTIN, Vladimir") >= 95);
        assertTrue(matcher.score("فلاديمير بوتين", "PUTIN, Vladimir") >= 80);
    }

    @Test
    void unrelatedNamesScoreLow() {
        assertTrue(matcher.score("George Bush", "PUTIN, Vladimir") < 60);
        assertTrue(matcher.score("Maria Garcia", "KIM, Jong Un") < 60);
    }

    @Test
    void preparedNamesGiveTheSameScore() {
        PreparedName query = PreparedName.of("Vladimir Putin");
        PreparedName candidate = PreparedName.of("PUTIN, Vladimir Vladimirovich", NameKind.PERSON);
        assertEquals(matcher.score("Vladimir Putin", "PUTIN, Vladimir Vladimirovich"), matcher.score(query, candidate));
    }

    @Test
    void oneScoreIsFast() {
        PreparedName query = PreparedName.of("Mahmood Ahmed Bashir-ud-Din");
        PreparedName candidate = PreparedName.of("MAHMOOD, Sultan Bashir-Ud-Din");
        int sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += matcher.score(query, candidate);
        }
        int rounds = 1_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += matcher.score(query, candidate);
        }
        double nanos = (System.nanoTime() - start) / (double) rounds;
        System.out.printf("one score of prepared names: %.0f ns (checksum %d)%n", nanos, sink);
        assertTrue(nanos < 20_000, "a score should take microseconds, took " + nanos + " ns");
    }
}

package io.kycflow.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    private final NameNormalizer normalizer = new NameNormalizer();

    private List<String> tokens(String name, NameKind kind) {
        return normalizer.normalize(name, kind).tokens();
    }

    @Test
    void foldsCaseAndStripsAccents() {
        assertEquals(List.of("VLADIMIR", "PUTIN"), tokens("Vladímír Pútín", NameKind.PERSON));
        assertEquals(List.of("LECH", "WALESA"), tokens("Lech Wałęsa", NameKind.PERSON));
        assertEquals(List.of("STRASSE"), tokens("Straße", NameKind.UNKNOWN));
    }

    @Test
    void punctuationJoinsApostrophesAndSplitsHyphens() {
        assertEquals(List.of("OBRIEN"), tokens("O'Brien", NameKind.PERSON));
        assertEquals(List.of("BASHIR", "UD", "DIN"), tokens("Bashir-ud-Din", NameKind.PERSON));
    }

    @Test
    void removesHonorifics() {
        assertEquals(List.of("BASHIR", "UDDIN", "MEHMOOD"), tokens("MEHMOOD, Dr. Bashir Uddin", NameKind.PERSON));
        assertEquals(List.of("JOHN", "SMITH"), tokens("Mr John Smith", NameKind.UNKNOWN));
        assertEquals(List.of("PUTIN"), tokens("Presidente Putin", NameKind.PERSON));
        assertEquals(List.of("ABDULLAH"), tokens("Sheikh Haji Abdullah", NameKind.PERSON));
    }

    @Test
    void removesLegalFormsOfOrganisations() {
        assertEquals(List.of("AL", "JIL", "ALQADEM", "GENERAL", "TRADING"),
                tokens("AL JIL ALQADEM GENERAL TRADING L.L.C.", NameKind.ORGANIZATION));
        assertEquals(List.of("GAZPROM", "NEFT"), tokens("Gazprom Neft PJSC", NameKind.ORGANIZATION));
        assertEquals(List.of("SIEMENS"), tokens("Siemens GmbH", NameKind.ORGANIZATION));
        assertEquals(List.of("ROMASHKA"), tokens("OOO Romashka", NameKind.ORGANIZATION).subList(1, 2));
    }

    @Test
    void readsLastCommaFirst() {
        NormalizedName name = normalizer.normalize("PUTIN, Vladimir Vladimirovich");
        assertEquals(List.of("VLADIMIR", "VLADIMIROVICH", "PUTIN"), name.tokens());
        assertEquals("PUTIN VLADIMIR VLADIMIROVICH", name.asWritten());
    }

    @Test
    void transliteratesOtherScripts() {
        assertEquals(List.of("VLADIMIR", "PUTIN"), tokens("Владимир Путин", NameKind.PERSON));
        assertEquals(List.of("MHMD", "LY"), tokens("محمد علي", NameKind.PERSON));
        assertEquals(List.of("XI", "JIN", "PING"), tokens("习近平", NameKind.PERSON));
    }
}

package io.kycflow.sanctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnConsolidatedParserTest {

    private static ParsedList un;

    @BeforeAll
    static void parseRealList() throws Exception {
        un = new UnConsolidatedParser().parse(SanctionsData.dir().resolve("un").resolve("consolidated.xml"));
    }

    private static ListedEntity entry(String dataId) {
        return un.entities().stream().filter(e -> e.sourceId().equals(dataId)).findFirst().orElseThrow();
    }

    @Test
    void readsEveryIndividualAndEntityOfTheRealList() {
        assertEquals("2026-02-27T00:00:09.554Z", un.version());
        assertEquals(730, un.count(EntityType.PERSON));
        assertEquals(273, un.count(EntityType.ENTITY));
        long originalScript = un.entities().stream().flatMap(e -> e.aliases().stream())
                .filter(a -> a.type() == Alias.Type.ORIGINAL_SCRIPT).count();
        assertEquals(378, originalScript, "378 entries carry a NAME_ORIGINAL_SCRIPT");
        assertTrue(un.entities().stream().allMatch(e -> e.list() == SanctionsList.UN_CONSOLIDATED
                && e.listVersion().equals(un.version()) && !e.programs().isEmpty()));
    }

    @Test
    void knownIndividualWithOriginalScriptNameAndLowQualityAlias() {
        ListedEntity saddam = entry("6908048");
        assertEquals("SADDAM HUSSEIN AL-TIKRITI", saddam.primaryName());
        assertEquals(List.of(
                new Alias("صدام حسين التكريتي", Alias.Type.ORIGINAL_SCRIPT, Alias.Strength.STRONG),
                new Alias("Abu Ali", Alias.Type.AKA, Alias.Strength.WEAK)), saddam.aliases());
        assertEquals(List.of(new BirthDate("1937-04-28", false, LocalDate.of(1937, 4, 28), LocalDate.of(1937, 4, 28))),
                saddam.datesOfBirth());
        assertEquals(List.of("al-Awja, near Tikrit, Iraq"), saddam.placesOfBirth());
        assertEquals(List.of("Iraq"), saddam.nationalities());
        assertEquals(List.of("Iraq"), saddam.programs());
        assertTrue(saddam.addresses().isEmpty(), "an address element with an empty country is no address");
    }

    @Test
    void knownIndividualWithPassport() {
        ListedEntity ri = entry("6908555");
        assertEquals("RI WON HO", ri.primaryName());
        assertEquals(List.of(new IdentityDocument("Passport", "381310014", null)), ri.documents());
        assertEquals(List.of("Democratic People's Republic of Korea"), ri.nationalities());
        assertEquals(List.of("DPRK"), ri.programs());
        assertTrue(ri.aliases().isEmpty(), "an alias element with an empty name is no alias");
    }

    @Test
    void approximateAndBetweenDatesOfBirth() {
        List<BirthDate> dates = un.entities().stream().flatMap(e -> e.datesOfBirth().stream()).toList();
        assertTrue(dates.stream().anyMatch(BirthDate::approximate));
        assertTrue(dates.stream().anyMatch(d -> d.text().contains(" to ") && d.parsed()
                && d.latest().getYear() > d.earliest().getYear()));
        assertTrue(dates.stream().allMatch(BirthDate::parsed), "every UN date of birth is in a known form");
    }

    // --- rejection ---

    private static final String ENTRY = "<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME>"
            + "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE></INDIVIDUAL>";

    private static ParsedList parse(String xml) throws ListValidationException {
        return new UnConsolidatedParser(1).parse(xml.getBytes(StandardCharsets.UTF_8), "consolidated.xml");
    }

    private static String list(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01\">\n"
                + "<INDIVIDUALS>" + body + "</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>";
    }

    private static String rejected(String xml) {
        return assertThrows(ListValidationException.class, () -> parse(xml)).getMessage();
    }

    @Test
    void smallWellFormedListParses() throws Exception {
        ParsedList list = parse(list(ENTRY));
        assertEquals("2026-01-01", list.version());
        assertEquals("A", list.entities().get(0).primaryName());
    }

    @Test
    void rejectsTruncatedXml() {
        String full = list(ENTRY + ENTRY.replace(">1<", ">2<"));
        String message = rejected(full.substring(0, full.length() - 40));
        assertTrue(message.startsWith("consolidated.xml line 3: malformed XML"), message);
    }

    @Test
    void rejectsADtdAndAnExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<CONSOLIDATED_LIST dateGenerated=\"d\"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"
                + "<FIRST_NAME>&x;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        assertTrue(rejected(xxe).contains("a DTD is not allowed"), xxe);
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST SYSTEM \"http://127.0.0.1:1/x.dtd\">\n"
                + "<CONSOLIDATED_LIST dateGenerated=\"d\"/>";
        assertTrue(rejected(external).contains("a DTD is not allowed"));
    }

    @Test
    void rejectsWrongRootMissingVersionMissingFieldsDuplicatesAndTooFewEntries() {
        assertTrue(rejected("<LIST/>").contains("root element is LIST"));
        assertTrue(rejected(list(ENTRY).replace(" dateGenerated=\"2026-01-01\"", "")).contains("no dateGenerated"));
        assertTrue(rejected(list(ENTRY.replace("<DATAID>1</DATAID>", ""))).contains("INDIVIDUAL without DATAID"));
        assertTrue(rejected(list(ENTRY.replace(">A<", "> <"))).contains("INDIVIDUAL 1 has no name"));
        assertTrue(rejected(list(ENTRY + ENTRY)).contains("duplicate DATAID 1"));
        assertTrue(rejected(list("")).contains("0 entries, fewer than the minimum of 1"));
        assertTrue(rejected("").contains("file is empty"));
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "<a>".repeat(20) + "</a>".repeat(20);
        assertTrue(rejected(list(ENTRY.replace("<DATAID>", deep + "<DATAID>"))).contains("nested too deeply"));
    }
}

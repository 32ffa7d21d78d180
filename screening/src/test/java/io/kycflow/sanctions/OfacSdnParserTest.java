package io.kycflow.sanctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfacSdnParserTest {

    private static ParsedList sdn;

    @BeforeAll
    static void parseRealList() throws Exception {
        sdn = new OfacSdnParser().parse(SanctionsData.dir().resolve("ofac"));
    }

    private static ListedEntity entry(String entNum) {
        return sdn.entities().stream().filter(e -> e.sourceId().equals(entNum)).findFirst().orElseThrow();
    }

    private static List<String> names(ListedEntity entity, Alias.Strength strength) {
        return entity.aliases().stream().filter(a -> a.strength() == strength).map(Alias::name).toList();
    }

    @Test
    void readsEveryEntryAndAliasOfTheRealList() {
        assertEquals(8976, sdn.entities().size());
        assertEquals(4620, sdn.count(EntityType.PERSON));
        assertEquals(3673, sdn.count(EntityType.ENTITY));
        assertEquals(406, sdn.count(EntityType.VESSEL));
        assertEquals(277, sdn.count(EntityType.AIRCRAFT));
        long strongAliases = sdn.entities().stream().flatMap(e -> e.aliases().stream())
                .filter(a -> a.strength() == Alias.Strength.STRONG).count();
        assertEquals(11910, strongAliases, "one alias per alt.csv row");
        assertTrue(sdn.version().matches("sha256:[0-9a-f]{16}"), sdn.version());
        assertTrue(sdn.entities().stream().allMatch(e -> e.list() == SanctionsList.OFAC_SDN
                && e.listVersion().equals(sdn.version())));
    }

    @Test
    void knownPersonWithAliasesDatesAndPlacesOfBirth() {
        ListedEntity binLadin = entry("6365");
        assertEquals("BIN LADIN, Usama bin Muhammad bin Awad", binLadin.primaryName());
        assertEquals(EntityType.PERSON, binLadin.type());
        assertEquals(List.of("SDGT"), binLadin.programs());
        assertEquals(5, binLadin.aliases().size());
        assertTrue(names(binLadin, Alias.Strength.STRONG).contains("BIN LADEN, Osama"));
        assertEquals(List.of("30 Jul 1957", "1958"), binLadin.datesOfBirth().stream().map(BirthDate::text).toList());
        BirthDate year = binLadin.datesOfBirth().get(1);
        assertEquals(LocalDate.of(1958, 1, 1), year.earliest());
        assertEquals(LocalDate.of(1958, 12, 31), year.latest());
        assertEquals(List.of("Jeddah, Saudi Arabia", "Yemen"), binLadin.placesOfBirth());
    }

    @Test
    void knownPersonWithProgramsNationalityAndPassports() {
        ListedEntity soleimani = entry("10481");
        assertEquals("SOLEIMANI, Qasem", soleimani.primaryName());
        assertEquals(List.of("SDGT", "SYRIA", "NPWMD", "IRGC", "IFSR"), soleimani.programs());
        assertEquals(List.of("Iran"), soleimani.nationalities());
        assertEquals(List.of("Iran"), soleimani.citizenships());
        assertEquals(List.of(new IdentityDocument("Diplomatic Passport", "008827", "Iran")), soleimani.documents());
        assertEquals(LocalDate.of(1957, 3, 11), soleimani.datesOfBirth().get(0).earliest());

        assertEquals(List.of(new IdentityDocument("Passport", "D08531177", "Iran")), entry("10584").documents());
        assertTrue(entry("4319").documents().contains(new IdentityDocument("Cedula No.", "16785833", "Colombia")));
    }

    @Test
    void digitalCurrencyAddressesComeOutOfTheRemarks() {
        ListedEntity yan = entry("25308");
        assertEquals("YAN, Xiaobing", yan.primaryName());
        assertEquals(new DigitalCurrencyAddress("XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"),
                yan.digitalCurrencyAddresses().get(0));
        assertEquals("Male", yan.gender());
        assertEquals(List.of("Wuhan City, Hubei, China"), yan.placesOfBirth());
        long addresses = sdn.entities().stream().mapToLong(e -> e.digitalCurrencyAddresses().size()).sum();
        // 82 remarks parts mention one, but the legacy file cuts one remarks field off at "Digital Currency Addres"
        assertEquals(81, addresses);
        assertTrue(sdn.entities().stream().flatMap(e -> e.digitalCurrencyAddresses().stream())
                .anyMatch(a -> a.currency().equals("ETH") && a.address().startsWith("0x")));
    }

    @Test
    void weakAliasesInTheRemarksAndAddresses() {
        ListedEntity bank = entry("306");
        assertEquals(List.of("BNC"), names(bank, Alias.Strength.WEAK));
        assertEquals(List.of("NATIONAL BANK OF CUBA"), names(bank, Alias.Strength.STRONG));
        assertEquals(EntityType.ENTITY, bank.type());
        assertTrue(bank.addresses().contains(new Address("Zweierstrasse 35", "Zurich CH-8022", "Switzerland", null)));
    }

    // --- rejection: the list is all or nothing ---

    private static final String SDN_ROW = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    private static final String ALT_ROW = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n";
    private static final String ADD_ROW = "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n";

    private static ParsedList parse(String sdnCsv, String altCsv, String addCsv) throws ListValidationException {
        return new OfacSdnParser(1).parse(bytes(sdnCsv), bytes(altCsv), bytes(addCsv), "test");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ListValidationException rejected(String sdnCsv, String altCsv, String addCsv) {
        return assertThrows(ListValidationException.class, () -> parse(sdnCsv, altCsv, addCsv));
    }

    @Test
    void wellFormedSmallFilesParse() throws Exception {
        String quoted = "37,\"SMITH, John \"\"Jack\"\"\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"DOB circa 1962; alt. DOB 1960 to 1961; nationality Spain; a.k.a. 'JJ'; Passport A 123 (Spain) "
                + "issued 2001; Digital Currency Address - ETH 0xAbC; note on\r\ntwo lines.\"\r\n";
        ParsedList list = parse(SDN_ROW + quoted + "\u001a", ALT_ROW, ADD_ROW);
        ListedEntity smith = list.entities().get(1);
        assertEquals("SMITH, John \"Jack\"", smith.primaryName());
        assertEquals(List.of("Spain"), smith.nationalities());
        assertEquals(List.of(new IdentityDocument("Passport", "A 123", "Spain")), smith.documents());
        assertEquals(List.of(new DigitalCurrencyAddress("ETH", "0xAbC")), smith.digitalCurrencyAddresses());
        assertEquals(List.of(new Alias("JJ", Alias.Type.AKA, Alias.Strength.WEAK)), smith.aliases());
        BirthDate circa = smith.datesOfBirth().get(0);
        assertTrue(circa.approximate());
        assertEquals(LocalDate.of(1962, 1, 1), circa.earliest());
        assertEquals(LocalDate.of(1961, 12, 31), smith.datesOfBirth().get(1).latest());
        assertEquals(List.of(new Address(null, "Havana", "Cuba", null)), list.entities().get(0).addresses());
    }

    @Test
    void rejectsARowWithTooFewFields() {
        ListValidationException e = rejected(SDN_ROW + "37,\"CUT OFF\",-0- ,\"CUBA\"", ALT_ROW, ADD_ROW);
        assertEquals("sdn.csv", e.source());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected 12 fields, found 4"), e.getMessage());
    }

    @Test
    void rejectsAnUnterminatedQuote() {
        ListValidationException e = rejected(SDN_ROW, ALT_ROW + "36,13,\"aka\",\"AERO-CARIB", ADD_ROW);
        assertEquals("alt.csv", e.source());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("unterminated quoted field"), e.getMessage());
    }

    @Test
    void rejectsTextAfterAClosingQuoteAndAQuoteInAnUnquotedField() {
        assertTrue(rejected(SDN_ROW, "36,12,\"aka\"x,\"A\",-0- \r\n", ADD_ROW).getMessage()
                .contains("after a closing quote"));
        assertTrue(rejected(SDN_ROW, "36,12,aka,A\"B,-0- \r\n", ADD_ROW).getMessage()
                .contains("quote inside an unquoted field"));
    }

    @Test
    void rejectsAnAliasOrAddressOfAnUnknownEntry() {
        ListValidationException alias = rejected(SDN_ROW, ALT_ROW + "99,13,\"aka\",\"ORPHAN\",-0- \r\n", ADD_ROW);
        assertEquals("alt.csv line 2: ent_num 99 is not in sdn.csv", alias.getMessage());
        ListValidationException address = rejected(SDN_ROW, ALT_ROW, "98,26,-0- ,\"Havana\",\"Cuba\",-0- \r\n");
        assertEquals("add.csv line 1: ent_num 98 is not in sdn.csv", address.getMessage());
    }

    @Test
    void rejectsEmptyFilesDuplicatesAndTooFewEntries() {
        assertEquals("add.csv: file is empty", rejected(SDN_ROW, ALT_ROW, "").getMessage());
        assertEquals("sdn.csv: file has no records", rejected("\u001a", ALT_ROW, ADD_ROW).getMessage());
        assertTrue(rejected(SDN_ROW + SDN_ROW, ALT_ROW, ADD_ROW).getMessage().contains("duplicate ent_num 36"));
        ListValidationException tooFew = assertThrows(ListValidationException.class, () -> new OfacSdnParser(2)
                .parse(bytes(SDN_ROW), bytes(ALT_ROW), bytes(ADD_ROW), "test"));
        assertEquals("sdn.csv: 1 entries, fewer than the minimum of 2", tooFew.getMessage());
    }

    @Test
    void rejectsUnknownTypes() {
        assertTrue(rejected(SDN_ROW.replace("-0- ,\"CUBA\"", "\"spaceship\",\"CUBA\""), ALT_ROW, ADD_ROW)
                .getMessage().contains("unknown SDN_Type 'spaceship'"));
        assertTrue(rejected(SDN_ROW, ALT_ROW.replace("aka", "xyz"), ADD_ROW).getMessage()
                .contains("unknown alt_type 'xyz'"));
    }
}

package io.kycflow.identity.mrz;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MrzParserTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private final MrzParser parser = new MrzParser(CLOCK);

    static final List<String> TD3_SPECIMEN = List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    static final List<String> TD1_SPECIMEN = List.of("I<UTOD231458907<<<<<<<<<<<<<<<",
            "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    static final List<String> TD2_SPECIMEN = List.of("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
            "D231458907UTO7408122F1204159<<<<<<<6");

    private Mrz parsed(List<String> lines) {
        return assertInstanceOf(Mrz.class, parser.parse(lines));
    }

    @Test
    void parsesTheIcaoSpecimenPassport() {
        Mrz mrz = parsed(TD3_SPECIMEN);
        assertEquals(MrzFormat.TD3, mrz.format());
        assertEquals("P", mrz.documentCode());
        assertEquals(MrzDocumentType.PASSPORT, mrz.documentType());
        assertEquals("UTO", mrz.issuingState().code());
        assertNull(mrz.issuingState().country(), "Utopia is no country");
        assertEquals("ERIKSSON", mrz.surname());
        assertEquals("ANNA MARIA", mrz.givenNames());
        assertFalse(mrz.nameTruncated());
        assertEquals("L898902C3", mrz.documentNumber());
        assertEquals(LocalDate.of(1974, 8, 12), mrz.birthDate());
        assertEquals("F", mrz.sex());
        // 12 read against 2025: within 20 years ahead, so 2012 (expired), not 1912
        assertEquals(LocalDate.of(2012, 4, 15), mrz.expiryDate());
        assertEquals("ZE184226B", mrz.optionalData());
        assertTrue(mrz.checksumsValid(), mrz.failedChecks().toString());
        assertEquals(List.of(), mrz.findings());
    }

    @Test
    void parsesTheIcaoSpecimenCards() {
        for (List<String> lines : List.of(TD1_SPECIMEN, TD2_SPECIMEN)) {
            Mrz mrz = parsed(lines);
            assertEquals(MrzDocumentType.ID_CARD, mrz.documentType());
            assertEquals("D23145890", mrz.documentNumber());
            assertEquals("ERIKSSON", mrz.surname());
            assertEquals("ANNA MARIA", mrz.givenNames());
            assertEquals(LocalDate.of(1974, 8, 12), mrz.birthDate());
            assertEquals(LocalDate.of(2012, 4, 15), mrz.expiryDate());
            assertTrue(mrz.checksumsValid(), lines + " " + mrz.failedChecks());
        }
        assertEquals(MrzFormat.TD1, parsed(TD1_SPECIMEN).format());
        assertEquals(MrzFormat.TD2, parsed(TD2_SPECIMEN).format());
    }

    @Test
    void namesEveryFailedCheckDigitInsteadOfThrowing() {
        // document number L898902C3 -> L898902C4 breaks its own check digit and the composite
        Mrz mrz = parsed(List.of(TD3_SPECIMEN.get(0), "L898902C46UTO7408122F1204159ZE184226B<<<<<10"));
        assertEquals(List.of(MrzCheck.DOCUMENT_NUMBER, MrzCheck.COMPOSITE), mrz.failedChecks());
        assertEquals(List.of("MRZ_CHECKSUM_FAILED: documentNumber, composite"), mrz.findings());
        assertEquals("L898902C4", mrz.documentNumber(), "what was read is still given");

        Mrz dates = parsed(List.of(TD1_SPECIMEN.get(0), "7408152F1204169UTO<<<<<<<<<<<6", TD1_SPECIMEN.get(2)));
        assertEquals(List.of(MrzCheck.BIRTH_DATE, MrzCheck.EXPIRY_DATE, MrzCheck.COMPOSITE), dates.failedChecks());

        Mrz personal = parsed(List.of(TD3_SPECIMEN.get(0), "L898902C36UTO7408122F1204159ZE184226C<<<<<10"));
        assertTrue(personal.failedChecks().contains(MrzCheck.OPTIONAL_DATA));
    }

    @Test
    void unreadableInputIsNoMrzWithAReason() {
        assertEquals("no MRZ lines were read", assertInstanceOf(NoMrz.class, parser.parse(List.of())).reason());
        assertTrue(assertInstanceOf(NoMrz.class, parser.parse(List.of("P<UTOERIKSSON", "L898902C36")))
                .reason().contains("fit no MRZ layout"));
        assertTrue(assertInstanceOf(NoMrz.class, parser.parse(List.of(TD3_SPECIMEN.get(0),
                "l898902C36UTO7408122F1204159ZE184226B<<<<<10"))).reason().contains("outside the MRZ alphabet"));
    }

    @Test
    void readsLongTd1DocumentNumbersFromTheOptionalData() {
        MrzComposer.MrzData data = new MrzComposer.MrzData("ID", "NLD", "DE VRIES", "JAN", "XR12345678901", "NLD",
                LocalDate.of(1990, 1, 31), "M", LocalDate.of(2030, 2, 28), "ABC");
        List<String> lines = MrzComposer.compose(MrzFormat.TD1, data);
        assertEquals('<', lines.get(0).charAt(14), "the check digit position holds the filler");
        Mrz mrz = parsed(lines);
        assertEquals("XR12345678901", mrz.documentNumber());
        assertEquals("ABC", mrz.optionalData());
        assertEquals("DE VRIES", mrz.surname());
        assertTrue(mrz.checksumsValid(), mrz.failedChecks().toString());
        assertEquals("NLD", mrz.nationality().country());
    }

    @Test
    void mapsIcaoCodesToCountriesWhereOneExists() {
        assertEquals("DEU", IcaoCode.of("D<<").country());
        assertEquals("D", IcaoCode.of("D<<").code());
        for (String british : List.of("GBD", "GBN", "GBO", "GBP", "GBS")) {
            assertEquals("GBR", IcaoCode.of(british).country(), british);
        }
        for (String noCountry : List.of("UTO", "XXA", "XXB", "XXC", "XXX", "EUE", "UNO", "UNA", "UNK")) {
            IcaoCode code = IcaoCode.of(noCountry);
            assertNull(code.country(), noCountry);
            assertTrue(code.known(), noCountry);
        }
        assertEquals("Stateless person", IcaoCode.of("XXA").description());
        assertEquals("Spain", IcaoCode.of("ESP").description());
        assertFalse(IcaoCode.of("QQQ").known());
    }

    @Test
    void germanCardsAndSexFillerAndUnknownDates() {
        MrzComposer.MrzData data = new MrzComposer.MrzData("ID", "D", "MUSTERMANN", "ERIKA", "T22000129", "D",
                LocalDate.of(1964, 8, 12), "X", LocalDate.of(2031, 10, 31), "");
        Mrz mrz = parsed(MrzComposer.compose(MrzFormat.TD1, data));
        assertEquals("DEU", mrz.issuingState().country());
        assertEquals("DEU", mrz.nationality().country());
        assertEquals("ID", mrz.documentCode());
        assertEquals("X", mrz.sex(), "< is unspecified");
        assertEquals(LocalDate.of(2031, 10, 31), mrz.expiryDate());
        assertTrue(mrz.checksumsValid());

        // ICAO allows unknown date parts written as fillers; the check digit still covers them
        String lower = "L898902C36UTO74<<<<" + MrzCheckDigit.compute("74<<<<") + "F1204159ZE184226B<<<<<1";
        String line2 = lower + MrzCheckDigit.compute(lower.substring(0, 10) + lower.substring(13, 20)
                + lower.substring(21, 43));
        Mrz unknownBirth = parsed(List.of(TD3_SPECIMEN.get(0), line2));
        assertNull(unknownBirth.birthDate());
        assertTrue(unknownBirth.checksumsValid(), unknownBirth.failedChecks().toString());
    }

    @Test
    void choosesTheCenturyAgainstTheClock() {
        LocalDate today = LocalDate.of(2025, 6, 1);
        assertEquals(LocalDate.of(2024, 1, 1), MrzParser.birthDate("240101", today));
        assertEquals(LocalDate.of(1925, 6, 2), MrzParser.birthDate("250602", today), "never born tomorrow");
        assertEquals(LocalDate.of(2045, 6, 1), MrzParser.expiryDate("450601", today));
        assertEquals(LocalDate.of(1946, 1, 1), MrzParser.expiryDate("460101", today), "over 20 years ahead");
        assertEquals(LocalDate.of(1999, 12, 31), MrzParser.expiryDate("991231", today));
        assertNull(MrzParser.birthDate("741312", today), "month 13");
        assertNull(MrzParser.birthDate("000229", LocalDate.of(1999, 1, 1)), "1900 was no leap year");
    }

    @Test
    void parsesVisasWithoutCompositeCheck() {
        String upper = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
        String lower = "L8988901C" + MrzCheckDigit.compute("L8988901C") + "XXX400907" + MrzCheckDigit.compute("400907")
                + "F961210" + MrzCheckDigit.compute("961210") + "<".repeat(16);
        Mrz mrz = parsed(List.of(upper, lower));
        assertEquals(MrzDocumentType.VISA, mrz.documentType());
        assertEquals("XXX", mrz.nationality().code());
        assertEquals(List.of(), mrz.failedChecks());
    }
}

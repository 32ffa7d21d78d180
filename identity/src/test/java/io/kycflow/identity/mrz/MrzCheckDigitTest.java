package io.kycflow.identity.mrz;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MrzCheckDigitTest {

    @Test
    void icaoSpecimenFieldsHaveTheirPrintedCheckDigits() {
        // ICAO 9303 part 4 specimen passport (Anna Maria Eriksson, Utopia): L898902C3 6, 740812 2, 120415 9
        assertEquals(6, MrzCheckDigit.compute("L898902C3"));
        assertEquals(2, MrzCheckDigit.compute("740812"));
        assertEquals(9, MrzCheckDigit.compute("120415"));
        assertEquals(1, MrzCheckDigit.compute("ZE184226B<<<<<"));
    }

    @Test
    void fillerCountsAsZeroAndNonDigitsNeverMatch() {
        assertEquals(MrzCheckDigit.compute("AB<<<"), MrzCheckDigit.compute("AB000"));
        assertTrue(MrzCheckDigit.matches("740812", '2'));
        assertFalse(MrzCheckDigit.matches("740812", '3'));
        assertFalse(MrzCheckDigit.matches("<<<<<<", '<'));
    }

    @Test
    void rejectsCharactersAnMrzCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> MrzCheckDigit.compute("ab1"));
    }
}

package io.kycflow.identity.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditDistanceTest {

    @Test
    void countsSubstitutionsInsertionsAndDeletions() {
        assertEquals(0, EditDistance.between("P<UTO", "P<UTO"));
        assertEquals(1, EditDistance.between("P<UTO", "P<UT0"));
        assertEquals(1, EditDistance.between("P<UTO", "P<<UTO"));
        assertEquals(1, EditDistance.between("P<UTO", "PUTO"));
        assertEquals(5, EditDistance.between("P<UTO", ""));
        assertEquals(3, EditDistance.between("KITTEN", "SITTING"));
    }
}

package io.kycflow.identity.mrz;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MrzComposerTest {

    @Test
    void composesTheIcaoSpecimenPassport() {
        // ICAO 9303 part 4, appendix A: the Utopia specimen passport
        MrzComposer.MrzData data = new MrzComposer.MrzData("P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO",
                LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15), "ZE184226B");
        assertEquals(List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                        "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
                MrzComposer.compose(MrzFormat.TD3, data));
    }

    @Test
    void composesTheIcaoSpecimenIdCard() {
        // ICAO 9303 part 5, appendix A: the Utopia specimen TD1 card
        MrzComposer.MrzData data = new MrzComposer.MrzData("I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO",
                LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15), "");
        assertEquals(List.of("I<UTOD231458907<<<<<<<<<<<<<<<",
                        "7408122F1204159UTO<<<<<<<<<<<6",
                        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
                MrzComposer.compose(MrzFormat.TD1, data));
    }

    @Test
    void composesTheIcaoSpecimenTd2() {
        // ICAO 9303 part 6, appendix A: the Utopia specimen TD2 document
        MrzComposer.MrzData data = new MrzComposer.MrzData("I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO",
                LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15), "");
        assertEquals(List.of("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
                        "D231458907UTO7408122F1204159<<<<<<<6"),
                MrzComposer.compose(MrzFormat.TD2, data));
    }

    @Test
    void writesAccentsAndPunctuationAsTheMrzDoes() {
        assertEquals("MULLER<LUDENSCHEID", MrzComposer.field("Müller-Lüdenscheid"));
        assertEquals("O<BRIEN", MrzComposer.field("O'Brien"));
    }
}

package io.kycflow.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycflow.sanctions.Address;
import io.kycflow.sanctions.Alias;
import io.kycflow.sanctions.BirthDate;
import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.IdentityDocument;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The secondary fields and the confidence formula, on a small made-up list. */
class ScreeningFieldsTest {

    private static final ScreeningIndex INDEX = ScreeningIndex.build(List.of(new ParsedList(SanctionsList.OFAC_SDN, "test-1",
            List.of(person("1", "PETROV, Ivan Sergeyevich", List.of("12 Mar 1961"), List.of("Russia"),
                            List.of("Russian Federation"), List.of(new IdentityDocument("Passport", "AB 123-456", "Russia")),
                            List.of(new Address(null, "Moscow", "Russia", null))),
                    person("2", "KIM, Jong Chol", List.of("1970 to 1972"), List.of("Korea, North"), List.of(),
                            List.of(), List.of()),
                    person("3", "HOSSEINI, Ali", List.of(), List.of("Iran (Islamic Republic of)"), List.of(), List.of(),
                            List.of()),
                    new ListedEntity(SanctionsList.OFAC_SDN, "4", "test-1", EntityType.VESSEL, "PETROV STAR",
                            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of("SDGT"),
                            null, null, List.of())))));

    private static ListedEntity person(String id, String name, List<String> born, List<String> nationalities,
            List<String> citizenships, List<IdentityDocument> documents, List<Address> addresses) {
        return new ListedEntity(SanctionsList.OFAC_SDN, id, "test-1", EntityType.PERSON, name,
                List.of(new Alias(name.toUpperCase(), Alias.Type.AKA, Alias.Strength.STRONG)),
                born.stream().map(BirthDate::parse).toList(), List.of(), nationalities, citizenships, documents,
                addresses, List.of("RUSSIA-EO14024"), null, null, List.of());
    }

    private static ScreeningHit hit(ScreeningQuery query, String sourceId) {
        return INDEX.screen(query).hits().stream().filter(h -> h.sourceId().equals(sourceId)).findFirst().orElseThrow();
    }

    private static ScreeningQuery query(String name, SubjectType type, String born, String nationality, String document,
            String country) {
        return new ScreeningQuery(name, type, born, nationality, document, country, Set.of(), 0);
    }

    private static FieldCheck check(ScreeningHit hit, String field) {
        return hit.fieldChecks().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void nameOnlyHasNoFieldChecks() {
        ScreeningHit hit = hit(ScreeningQuery.byName("Ivan Sergeyevich Petrov", 50), "1");
        assertEquals(100, hit.nameScore());
        assertEquals(100, hit.score());
        assertEquals(List.of(), hit.fieldChecks());
        assertEquals(List.of("12 Mar 1961"), hit.datesOfBirth());
        assertEquals(List.of("Russia", "Russian Federation"), hit.nationalities());
    }

    @Test
    void dateOfBirthMatchesWithinTheListedRangeAndMismatchesBeyondAYear() {
        assertEquals(FieldOutcome.MATCH, check(hit(query("Ivan Sergeyevich Petrov", null, "1961", null, null, null), "1"), "date_of_birth").outcome());
        assertEquals(FieldOutcome.MATCH, check(hit(query("Ivan Sergeyevich Petrov", null, "1961-03-12", null, null, null), "1"), "date_of_birth").outcome());
        assertEquals(FieldOutcome.UNKNOWN, check(hit(query("Ivan Sergeyevich Petrov", null, "1962", null, null, null), "1"), "date_of_birth").outcome());
        ScreeningHit far = hit(query("Ivan Sergeyevich Petrov", null, "1990-05", null, null, null), "1");
        assertEquals(new FieldCheck("date_of_birth", FieldOutcome.MISMATCH, -15, "1990-05", "12 Mar 1961"), check(far, "date_of_birth"));
        assertEquals(85, far.score());
        ScreeningHit range = hit(query("Jong Chol Kim", null, "1971-06-01", null, null, null), "2");
        assertEquals(FieldOutcome.MATCH, check(range, "date_of_birth").outcome());
        assertEquals(100, range.score()); // clamped
        assertEquals(FieldOutcome.UNKNOWN, check(hit(query("Ali Hosseini", null, "1971", null, null, null), "3"), "date_of_birth").outcome());
    }

    @Test
    void nationalityResolvesCodesNamesAndListSpellings() {
        for (String russia : List.of("RUS", "RU", "Russia", "Russian Federation", "russian")) {
            assertEquals(FieldOutcome.MATCH, check(hit(query("Ivan Sergeyevich Petrov", null, null, russia, null, null), "1"), "nationality").outcome(), russia);
        }
        for (String northKorea : List.of("PRK", "KP", "North Korea", "Democratic People's Republic of Korea")) {
            assertEquals(FieldOutcome.MATCH, check(hit(query("Jong Chol Kim", null, null, northKorea, null, null), "2"), "nationality").outcome(), northKorea);
        }
        assertEquals(FieldOutcome.MATCH, check(hit(query("Ali Hosseini", null, null, "IRN", null, null), "3"), "nationality").outcome());
        ScreeningHit other = hit(query("Ali Hosseini", null, null, "FRA", null, null), "3");
        assertEquals(new FieldCheck("nationality", FieldOutcome.MISMATCH, -5, "FRA", "Iran (Islamic Republic of)"), check(other, "nationality"));
        assertEquals(95, other.score());
        assertEquals(FieldOutcome.UNKNOWN, check(hit(query("Petrov Star", null, null, "RUS", null, null), "4"), "nationality").outcome());
    }

    @Test
    void documentMatchForcesFullScoreAndADifferentDocumentSaysNothing() {
        ScreeningHit same = hit(query("Someone Else Entirely", null, null, null, "ab123456", null), "1");
        assertEquals(100, same.score());
        assertEquals(FieldOutcome.MATCH, check(same, "document_id").outcome());
        assertEquals(100 - same.nameScore(), check(same, "document_id").adjustment());
        ScreeningHit other = hit(query("Ivan Sergeyevich Petrov", null, null, null, "X999", null), "1");
        assertEquals(new FieldCheck("document_id", FieldOutcome.UNKNOWN, 0, "X999", "AB 123-456"), check(other, "document_id"));
        assertEquals(100, other.score());
    }

    @Test
    void entityTypeMismatchCosts20() {
        ScreeningHit vessel = hit(query("Petrov Star", SubjectType.PERSON, null, null, null, null), "4");
        assertEquals(new FieldCheck("entity_type", FieldOutcome.MISMATCH, -20, "PERSON", "VESSEL"), check(vessel, "entity_type"));
        assertEquals(vessel.nameScore() - 20, vessel.score());
        ScreeningHit business = hit(query("Petrov Star", SubjectType.BUSINESS, null, null, null, null), "4");
        assertEquals(FieldOutcome.MATCH, check(business, "entity_type").outcome());
        assertEquals(business.nameScore(), business.score());
        assertEquals(FieldOutcome.MISMATCH, check(hit(query("Ivan Sergeyevich Petrov", SubjectType.BUSINESS, null, null, null, null), "1"), "entity_type").outcome());
    }

    @Test
    void countryMatchesAnAddressCountry() {
        ScreeningHit hit = hit(query("Ivan Sergeyevich Petrov", null, null, null, null, "RU"), "1");
        assertEquals(new FieldCheck("country", FieldOutcome.MATCH, 2, "RU", "Russia"), check(hit, "country"));
        assertEquals(FieldOutcome.UNKNOWN, check(hit(query("Ivan Sergeyevich Petrov", null, null, null, null, "DE"), "1"), "country").outcome());
    }

    @Test
    void checksAreReportedInFieldOrderAndBonusesCanLiftANameBelowTheMinimum() {
        ScreeningHit hit = hit(query("Ivan Sergeyevich Petrof", SubjectType.PERSON, "1961", "RUS", "X1", "RUS"), "1");
        assertEquals(List.of("date_of_birth", "nationality", "document_id", "entity_type", "country"),
                hit.fieldChecks().stream().map(FieldCheck::field).toList());
        int lifted = Math.min(100, hit.nameScore() + 10);
        assertEquals(lifted, hit.score());
        ScreeningQuery atLifted = new ScreeningQuery("Ivan Sergeyevich Petrof", SubjectType.PERSON, "1961", "RUS", null, "RUS", Set.of(), lifted);
        assertTrue(INDEX.screen(atLifted).hits().stream().anyMatch(h -> h.sourceId().equals("1")));
    }

    @Test
    void fieldsRaiseOnlyNamesThatAreAlike() {
        // one shared given name: not alike enough for a matching date of birth and nationality to count
        ScreeningHit unlike = hit(query("Ivan Smirnov", null, "1961-03-12", "RUS", null, null), "1");
        assertTrue(unlike.nameScore() < SecondaryFields.NAME_FLOOR, "name score " + unlike.nameScore());
        assertEquals(unlike.nameScore(), unlike.score());
        assertEquals(FieldOutcome.MATCH, check(unlike, "date_of_birth").outcome());
        assertEquals(0, check(unlike, "date_of_birth").adjustment());
        assertEquals(0, check(unlike, "nationality").adjustment());
        // a contradicting field still counts against it
        ScreeningHit contradicted = hit(query("Ivan Smirnov", null, "1990", null, null, null), "1");
        assertEquals(Math.max(0, contradicted.nameScore() - 15), contradicted.score());
        assertTrue(INDEX.screen(new ScreeningQuery("Ivan Smirnov", null, "1961-03-12", "RUS", null, null, Set.of(),
                unlike.nameScore() + 1)).hits().isEmpty());
    }

    @Test
    void rejectsMalformedQueries() {
        assertThrows(IllegalArgumentException.class, () -> query("x", null, "12/03/1961", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ScreeningQuery.byName("x", 101));
    }
}

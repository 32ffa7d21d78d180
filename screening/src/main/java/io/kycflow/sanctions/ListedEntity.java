package io.kycflow.sanctions;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a sanctions list in the platform's own model, whichever list it came from. Immutable; the
 * collections are never null (empty when the list says nothing) and keep the list's order.
 *
 * @param list                     the list the entry is on
 * @param sourceId                 the entry's id on that list (OFAC ent_num, UN DATAID)
 * @param listVersion              the version of the list the entry was read from
 * @param type                     person, entity, vessel or aircraft
 * @param primaryName              the entry's name as listed (OFAC "LAST, First"; UN given names then family names)
 * @param aliases                  other names, including the original-script name
 * @param datesOfBirth             dates of birth as given, with their parsed ranges
 * @param placesOfBirth            places of birth as given, e.g. "Giza, Egypt"
 * @param nationalities            nationalities as given (country names, sometimes adjectives such as "Palestinian")
 * @param citizenships             citizenships as given (OFAC "citizen ...")
 * @param documents                passports, national ids and other identity documents
 * @param addresses                known addresses
 * @param programs                 OFAC programs (e.g. SDGT, IRAN) or the UN regime (e.g. Al-Qaida, DPRK)
 * @param gender                   "Male" or "Female" where the list says, else null
 * @param remarks                  the list's free-text remarks or comments, or null
 * @param digitalCurrencyAddresses digital currency addresses attributed to the entry
 */
public record ListedEntity(
        SanctionsList list,
        String sourceId,
        String listVersion,
        EntityType type,
        String primaryName,
        List<Alias> aliases,
        List<BirthDate> datesOfBirth,
        List<String> placesOfBirth,
        List<String> nationalities,
        List<String> citizenships,
        List<IdentityDocument> documents,
        List<Address> addresses,
        List<String> programs,
        String gender,
        String remarks,
        List<DigitalCurrencyAddress> digitalCurrencyAddresses) {

    public ListedEntity {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(listVersion, "listVersion");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(primaryName, "primaryName");
        aliases = List.copyOf(aliases);
        datesOfBirth = List.copyOf(datesOfBirth);
        placesOfBirth = List.copyOf(placesOfBirth);
        nationalities = List.copyOf(nationalities);
        citizenships = List.copyOf(citizenships);
        documents = List.copyOf(documents);
        addresses = List.copyOf(addresses);
        programs = List.copyOf(programs);
        digitalCurrencyAddresses = List.copyOf(digitalCurrencyAddresses);
    }
}

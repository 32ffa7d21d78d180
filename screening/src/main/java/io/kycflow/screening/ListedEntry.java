package io.kycflow.screening;

import io.kycflow.sanctions.BirthDate;
import io.kycflow.sanctions.DigitalCurrencyAddress;
import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.SanctionsList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the index keeps of a listed entry: what a hit shows and what the secondary fields compare with.
 *
 * @param nationalities     nationalities then citizenships, as listed, without repeats
 * @param documentNumbers   identity document numbers as listed
 * @param addressCountries  the countries of the entry's addresses, as listed
 */
record ListedEntry(SanctionsList list, String listVersion, String sourceId, EntityType type, String primaryName,
        List<String> programs, List<BirthDate> datesOfBirth, List<String> nationalities, List<String> documentNumbers,
        List<String> addressCountries, List<DigitalCurrencyAddress> digitalCurrencyAddresses) {

    ListedEntry {
        programs = List.copyOf(programs);
        datesOfBirth = List.copyOf(datesOfBirth);
        nationalities = List.copyOf(nationalities);
        documentNumbers = List.copyOf(documentNumbers);
        addressCountries = List.copyOf(addressCountries);
        digitalCurrencyAddresses = List.copyOf(digitalCurrencyAddresses);
    }

    static ListedEntry of(ListedEntity entity) {
        Set<String> nationalities = new LinkedHashSet<>(entity.nationalities());
        nationalities.addAll(entity.citizenships());
        List<String> countries = new ArrayList<>();
        entity.addresses().forEach(address -> {
            if (address.country() != null && !countries.contains(address.country())) {
                countries.add(address.country());
            }
        });
        return new ListedEntry(entity.list(), entity.listVersion(), entity.sourceId(), entity.type(),
                entity.primaryName(), entity.programs(), entity.datesOfBirth(), List.copyOf(nationalities),
                entity.documents().stream().map(document -> document.number()).toList(), countries,
                entity.digitalCurrencyAddresses());
    }

    /** The dates of birth as listed. */
    List<String> dateOfBirthTexts() {
        // a loop, not a stream: a screening with many hits calls this for each
        String[] texts = new String[datesOfBirth.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = datesOfBirth.get(i).text();
        }
        return List.of(texts);
    }
}

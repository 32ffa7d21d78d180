package io.kycflow.sanctions;

import java.util.ArrayList;
import java.util.List;

/** Collects one entry's fields while a parser reads them, so neither parser calls the 16-argument constructor. */
final class EntityBuilder {
    final String sourceId;
    EntityType type;
    String primaryName;
    final List<Alias> aliases = new ArrayList<>();
    final List<BirthDate> datesOfBirth = new ArrayList<>();
    final List<String> placesOfBirth = new ArrayList<>();
    final List<String> nationalities = new ArrayList<>();
    final List<String> citizenships = new ArrayList<>();
    final List<IdentityDocument> documents = new ArrayList<>();
    final List<Address> addresses = new ArrayList<>();
    final List<String> programs = new ArrayList<>();
    String gender;
    String remarks;
    final List<DigitalCurrencyAddress> digitalCurrencyAddresses = new ArrayList<>();

    EntityBuilder(String sourceId) {
        this.sourceId = sourceId;
    }

    ListedEntity build(SanctionsList list, String listVersion) {
        return new ListedEntity(list, sourceId, listVersion, type, primaryName, aliases, datesOfBirth, placesOfBirth,
                nationalities, citizenships, documents, addresses, programs, gender, remarks, digitalCurrencyAddresses);
    }
}

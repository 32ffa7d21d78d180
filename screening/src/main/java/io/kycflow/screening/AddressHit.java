package io.kycflow.screening;

import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.SanctionsList;
import java.util.List;

/**
 * A listed digital currency address equal to the one looked up.
 *
 * @param list        the list the owning entry is on
 * @param listVersion the version of that list
 * @param sourceId    the owning entry's id on its list
 * @param primaryName the owning entry's primary name
 * @param entityType  the owning entry's type
 * @param currency    the list's currency code (XBT, ETH, ...)
 * @param address     the address as listed
 * @param programs    the owning entry's programs
 */
public record AddressHit(SanctionsList list, String listVersion, String sourceId, String primaryName,
        EntityType entityType, String currency, String address, List<String> programs) {

    public AddressHit {
        programs = List.copyOf(programs);
    }
}

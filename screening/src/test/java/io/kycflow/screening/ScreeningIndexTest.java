package io.kycflow.screening;

import io.kycflow.testing.SanctionsFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycflow.sanctions.Alias;
import io.kycflow.sanctions.DigitalCurrencyAddress;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Screening against the real OFAC and UN lists. */
class ScreeningIndexTest {

    @Test
    void holdsEveryEntryAndName() {
        ScreeningIndex index = SanctionsFixtures.index();
        long entries = SanctionsFixtures.lists().stream().mapToLong(list -> list.entities().size()).sum();
        long names = entries + SanctionsFixtures.lists().stream().mapToLong(ParsedList::aliasCount).sum();
        assertEquals(entries, index.entryCount());
        assertEquals(names, index.nameCount());
        assertEquals(Set.of(SanctionsList.OFAC_SDN, SanctionsList.UN_CONSOLIDATED), index.listVersions().keySet());
    }

    @Test
    void everyListedNameFindsItsEntryAtFullScore() {
        ScreeningIndex index = SanctionsFixtures.index();
        List<String> missed = new ArrayList<>();
        int screened = 0;
        for (ParsedList list : SanctionsFixtures.lists()) {
            for (ListedEntity entity : list.entities()) {
                List<String> names = new ArrayList<>();
                names.add(entity.primaryName());
                entity.aliases().stream().map(Alias::name).forEach(names::add);
                for (String name : names) {
                    screened++;
                    ScreeningResult result = index.screen(ScreeningQuery.byName(name, 100));
                    boolean found = result.hits().stream().anyMatch(hit -> hit.list() == entity.list()
                            && hit.sourceId().equals(entity.sourceId()) && hit.score() == 100);
                    if (!found) {
                        missed.add(entity.list() + " " + entity.sourceId() + " " + name);
                    }
                }
            }
        }
        System.out.printf("screened %d listed names against their own entries%n", screened);
        assertTrue(missed.isEmpty(), missed.size() + " names did not find their entry: "
                + missed.subList(0, Math.min(20, missed.size())));
    }

    @Test
    void findsDigitalCurrencyAddresses() {
        ScreeningIndex index = SanctionsFixtures.index();
        List<ListedEntity> ofac = SanctionsFixtures.lists().get(0).entities();
        DigitalCurrencyAddress xbt = firstAddress(ofac, "XBT");
        DigitalCurrencyAddress eth = firstAddress(ofac, "ETH");

        List<AddressHit> bitcoin = index.findAddress(xbt.address());
        assertFalse(bitcoin.isEmpty());
        assertEquals("XBT", bitcoin.getFirst().currency());
        // base58 is case-sensitive
        assertTrue(index.findAddress(xbt.address().toLowerCase(Locale.ROOT)).isEmpty()
                || xbt.address().equals(xbt.address().toLowerCase(Locale.ROOT)));

        String mixedCase = "0x" + eth.address().substring(2, 12).toUpperCase(Locale.ROOT)
                + eth.address().substring(12).toLowerCase(Locale.ROOT);
        List<AddressHit> ether = index.findAddress(mixedCase);
        assertFalse(ether.isEmpty(), mixedCase);
        assertEquals(eth.address(), ether.getFirst().address());
        assertFalse(ether.getFirst().programs().isEmpty());
        assertTrue(index.findAddress("0x0000000000000000000000000000000000000000").isEmpty());
    }

    private static DigitalCurrencyAddress firstAddress(List<ListedEntity> entities, String currency) {
        return entities.stream().flatMap(e -> e.digitalCurrencyAddresses().stream())
                .filter(a -> a.currency().equals(currency)).findFirst().orElseThrow();
    }

    @Test
    void screensOnlyTheListsAsked() {
        ScreeningIndex index = SanctionsFixtures.index();
        String name = SanctionsFixtures.lists().get(1).entities().getFirst().primaryName();
        ScreeningResult unOnly = index.screen(new ScreeningQuery(name, null, null, null, null, null,
                Set.of(SanctionsList.UN_CONSOLIDATED), 80));
        assertEquals(Set.of(SanctionsList.UN_CONSOLIDATED), unOnly.listVersions().keySet());
        assertFalse(unOnly.hits().isEmpty());
        assertTrue(unOnly.hits().stream().allMatch(hit -> hit.list() == SanctionsList.UN_CONSOLIDATED));

        ScreeningResult ofacOnly = index.screen(new ScreeningQuery(name, null, null, null, null, null,
                Set.of(SanctionsList.OFAC_SDN), 80));
        assertEquals(Set.of(SanctionsList.OFAC_SDN), ofacOnly.listVersions().keySet());
        assertTrue(ofacOnly.hits().stream().allMatch(hit -> hit.list() == SanctionsList.OFAC_SDN));
        assertEquals(index.listVersions(), index.screen(ScreeningQuery.byName(name, 80)).listVersions());
    }

    @Test
    void keepsOnlyHitsAtOrAboveTheMinimumScoreInOrder() {
        ScreeningIndex index = SanctionsFixtures.index();
        List<ScreeningHit> loose = index.screen(ScreeningQuery.byName("Ali Hassan", 50)).hits();
        List<ScreeningHit> strict = index.screen(ScreeningQuery.byName("Ali Hassan", 90)).hits();
        assertTrue(loose.size() > strict.size(), loose.size() + " vs " + strict.size());
        assertTrue(loose.stream().allMatch(hit -> hit.score() >= 50));
        assertTrue(strict.stream().allMatch(hit -> hit.score() >= 90));
        assertEquals(strict, loose.stream().filter(hit -> hit.score() >= 90).toList());
        assertFalse(strict.isEmpty());
        for (int i = 1; i < loose.size(); i++) {
            assertTrue(loose.get(i - 1).score() >= loose.get(i).score());
        }
    }
}

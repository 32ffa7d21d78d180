package io.kycflow.kya;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every XBT and ETH digital currency address in the real OFAC SDN list parses (the known defects aside). */
class OfacAddressesTest {

    private static final Pattern LISTED =
            Pattern.compile("Digital Currency Address - (XBT|ETH) ([^;\"\\s]+)(\"?)");

    /**
     * A defect in the list data itself: only 39 hex digits as this file has it. It cannot be a valid address, so
     * it is expected to be rejected (and can never be matched exactly).
     */
    private static final String MALFORMED_ETH = "0xa7e5d5a720f06526557c513402f2e6b5fa20b00";

    @Test
    void listedAddressesAreValid() throws IOException {
        String shared = System.getProperty("kycflow.shared.dir");
        assumeTrue(shared != null, "kycflow.shared.dir is not set");
        Path sdn = Path.of(shared, "data", "sanctions", "ofac", "sdn.csv");
        assumeTrue(Files.isRegularFile(sdn), "no OFAC list at " + sdn);

        Matcher m = LISTED.matcher(Files.readString(sdn, StandardCharsets.ISO_8859_1));
        int checked = 0;
        List<String> failures = new ArrayList<>();
        while (m.find()) {
            // The legacy CSV cuts long remarks; an address running into the closing quote may be cut short.
            if (!m.group(3).isEmpty()) {
                continue;
            }
            String address = m.group(2).replaceAll("\\.$", "");
            Chain chain = m.group(1).equals("XBT") ? Chain.BTC : Chain.ETH;
            AddressParseResult result = CryptoAddress.parse(address, chain);
            if (address.equals(MALFORMED_ETH)) {
                assertEquals(AddressRejection.Reason.UNRECOGNISED_FORMAT,
                        assertInstanceOf(AddressRejection.class, result).reason());
                continue;
            }
            checked++;
            if (!(result instanceof CryptoAddress)) {
                failures.add(address + ": " + result);
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(checked >= 60, "only " + checked + " listed addresses found");
        System.out.println("OFAC SDN: " + checked + " XBT/ETH addresses validated");
    }
}

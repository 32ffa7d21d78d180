package io.kycflow.sanctions;

import java.util.Objects;

/**
 * A digital currency address the list attributes to an entity (OFAC remarks "Digital Currency Address - XBT ...").
 *
 * @param currency the list's currency code, e.g. XBT, ETH, LTC, USDT
 * @param address  the address exactly as listed (case matters for base58 and EIP-55 addresses)
 */
public record DigitalCurrencyAddress(String currency, String address) {
    public DigitalCurrencyAddress {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(address, "address");
    }
}

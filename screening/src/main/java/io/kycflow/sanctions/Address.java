package io.kycflow.sanctions;

/**
 * A known address of a listed entity. Any part may be null; lists often give only a country.
 *
 * @param street   street and building
 * @param locality city, state or province and postal code, as one text (OFAC gives them as one field)
 * @param country  country name as the list spells it
 * @param note     the list's remark on the address, e.g. "as of early 2016"
 */
public record Address(String street, String locality, String country, String note) {
}

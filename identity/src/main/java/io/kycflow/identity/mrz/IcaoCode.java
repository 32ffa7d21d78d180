package io.kycflow.identity.mrz;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A three-letter state or organisation code as an MRZ writes it (ICAO 9303 part 3): an ISO 3166-1 alpha-3 country
 * code, or one of the codes ICAO adds for what is not a country (Germany's single {@code D}, the five British
 * nationality classes, the United Nations, the European Union, stateless persons and refugees, the Utopia specimen).
 *
 * @param code        the code as read, filler removed ({@code D}, {@code GBN}, {@code ESP})
 * @param country     the ISO 3166-1 alpha-3 country it stands for, or null when it stands for none
 * @param description what the code stands for in English, or null when the code is unknown
 */
public record IcaoCode(String code, String country, String description) {

    /** ICAO's own codes: code, country (or null), description. */
    private static final String[][] SPECIAL = {
            {"D", "DEU", "Germany"},
            {"GBD", "GBR", "British Overseas Territories Citizen"},
            {"GBN", "GBR", "British National (Overseas)"},
            {"GBO", "GBR", "British Overseas Citizen"},
            {"GBP", "GBR", "British Protected Person"},
            {"GBS", "GBR", "British Subject"},
            {"UNO", null, "United Nations Organization"},
            {"UNA", null, "Specialized agency of the United Nations"},
            {"UNK", null, "Resident of Kosovo (UNMIK travel document)"},
            {"RKS", null, "Kosovo"},
            {"EUE", null, "European Union"},
            {"XXA", null, "Stateless person"},
            {"XXB", null, "Refugee (1951 Convention)"},
            {"XXC", null, "Refugee (other)"},
            {"XXX", null, "Unspecified nationality"},
            {"XOM", null, "Sovereign Military Order of Malta"},
            {"XPO", null, "INTERPOL"},
            {"UTO", null, "Utopia (ICAO specimen)"},
    };

    private static final Map<String, IcaoCode> KNOWN = table();

    /** The code as an MRZ field holds it ({@code D<<}, {@code GBN}); unknown codes keep their text. */
    public static IcaoCode of(String field) {
        String code = field.replace("<", "");
        IcaoCode known = KNOWN.get(code);
        return known != null ? known : new IcaoCode(code, null, null);
    }

    /** Whether an MRZ field holds a code this table knows (a country or one of ICAO's own). */
    public static boolean isKnown(String field) {
        return KNOWN.containsKey(field.replace("<", ""));
    }

    /** Whether the code is known at all. */
    public boolean known() {
        return description != null;
    }

    private static Map<String, IcaoCode> table() {
        Map<String, IcaoCode> codes = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = Locale.of("", alpha2);
            String alpha3 = country.getISO3Country();
            codes.put(alpha3, new IcaoCode(alpha3, alpha3, country.getDisplayCountry(Locale.ENGLISH)));
        }
        for (String[] special : SPECIAL) {
            codes.put(special[0], new IcaoCode(special[0], special[1], special[2]));
        }
        return Map.copyOf(codes);
    }
}

package io.kycflow.screening;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the ways queries and lists write a country (ISO alpha-2 and alpha-3 codes, English names, the lists'
 * official forms such as "Iran (Islamic Republic of)" or "Korea, North", and common adjectives such as
 * "Russian") to one key, the ISO alpha-2 code, so they can be compared. Text it cannot resolve is keyed by its
 * normalised self, so two identical unusual spellings still agree.
 */
final class Countries {

    /** List spellings and adjectives that Java's English country names do not cover. */
    private static final String[][] ALIASES = {
            {"RU", "RUSSIAN FEDERATION", "RUSSIAN"},
            {"KP", "KOREA NORTH", "DEMOCRATIC PEOPLE S REPUBLIC OF KOREA", "KOREA DEMOCRATIC PEOPLE S REPUBLIC OF",
                    "DPRK", "NORTH KOREAN"},
            {"KR", "KOREA SOUTH", "REPUBLIC OF KOREA", "KOREA REPUBLIC OF", "SOUTH KOREAN"},
            {"IR", "IRAN ISLAMIC REPUBLIC OF", "IRANIAN"},
            {"SY", "SYRIAN ARAB REPUBLIC", "SYRIAN"},
            {"VE", "VENEZUELA BOLIVARIAN REPUBLIC OF", "VENEZUELAN"},
            {"BO", "BOLIVIA PLURINATIONAL STATE OF"},
            {"VN", "VIET NAM", "VIETNAMESE"},
            {"LA", "LAO PEOPLE S DEMOCRATIC REPUBLIC"},
            {"CD", "DEMOCRATIC REPUBLIC OF THE CONGO", "CONGO DEMOCRATIC REPUBLIC OF THE", "CONGOLESE"},
            {"CG", "REPUBLIC OF THE CONGO", "CONGO"},
            {"GB", "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "BRITISH"},
            {"US", "UNITED STATES OF AMERICA", "AMERICAN"},
            {"PS", "PALESTINIAN", "PALESTINE", "WEST BANK", "GAZA", "STATE OF PALESTINE"},
            {"MM", "BURMA", "BURMESE"},
            {"TR", "TURKEY", "TURKISH"},
            {"CI", "COTE D IVOIRE", "IVORY COAST"},
            {"MK", "NORTH MACEDONIA", "THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA"},
            {"TZ", "UNITED REPUBLIC OF TANZANIA", "TANZANIAN"},
            {"MD", "REPUBLIC OF MOLDOVA"},
            {"AF", "AFGHAN"}, {"IQ", "IRAQI"}, {"YE", "YEMENI"}, {"SA", "SAUDI"}, {"EG", "EGYPTIAN"},
            {"LY", "LIBYAN"}, {"SO", "SOMALI"}, {"SD", "SUDANESE"}, {"LB", "LEBANESE"}, {"CN", "CHINESE"},
            {"CU", "CUBAN"}, {"BY", "BELARUSIAN"}, {"UA", "UKRAINIAN"}, {"JO", "JORDANIAN"}, {"KW", "KUWAITI"},
            {"QA", "QATARI"}, {"AE", "EMIRATI"}, {"DZ", "ALGERIAN"}, {"TN", "TUNISIAN"}, {"MA", "MOROCCAN"},
            {"PK", "PAKISTANI"}, {"IN", "INDIAN"}, {"ID", "INDONESIAN"}, {"PH", "FILIPINO", "PHILIPPINE"},
            {"NG", "NIGERIAN"}, {"KE", "KENYAN"}, {"ML", "MALIAN"}, {"FR", "FRENCH"}, {"DE", "GERMAN"},
            {"BA", "BOSNIAN"}, {"RS", "SERBIAN"}, {"NI", "NICARAGUAN"}, {"MX", "MEXICAN"}, {"CO", "COLOMBIAN"},
    };

    private static final Map<String, String> KEYS = keys();

    private Countries() {
    }

    /** The key of a country as written, or null for null or blank text. */
    static String key(String text) {
        if (text == null) {
            return null;
        }
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return null;
        }
        String key = KEYS.get(normalised);
        if (key == null && normalised.length() > 3) {
            // the lists' many "X (Y)" and "X, Y" forms: try without what the parentheses say
            key = KEYS.get(normalise(text.replaceAll("\\(.*?\\)", " ")));
        }
        return key != null ? key : normalised;
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            keys.put(code, code);
            keys.put(country.getISO3Country(), code);
            keys.put(normalise(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
        for (String[] alias : ALIASES) {
            for (int i = 1; i < alias.length; i++) {
                keys.put(alias[i], alias[0]);
            }
        }
        return Map.copyOf(keys);
    }

    /** Upper-case ASCII words separated by single spaces: "Côte d'Ivoire" becomes COTE D IVOIRE. */
    private static String normalise(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
    }
}

package io.kycflow.sanctions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structured facts out of an OFAC SDN remarks field, a "; "-separated list such as
 * {@code DOB 01 Jan 1960; alt. DOB 1961; POB Giza, Egypt; nationality Egypt; Passport 1084010 (Egypt);
 * Digital Currency Address - XBT 12Qt...; a.k.a. 'BNC'.}. Parts it does not recognise stay in the remarks text only.
 */
final class OfacRemarks {

    private static final Pattern WEAK_ALIAS = Pattern.compile("^([afn])\\.k\\.a\\.\\s+'(.+)'$");
    private static final Pattern DIGITAL_CURRENCY =
            Pattern.compile("^Digital Currency Address - ([A-Za-z0-9]+)\\s+(\\S+)$");
    private static final Pattern GENDER = Pattern.compile("^Gender (Male|Female)$");
    /** The identity documents of persons and their tax ids; company registration numbers are not documents. */
    private static final Pattern DOCUMENT = Pattern.compile(
            "^(Passport|Diplomatic Passport|National ID No\\.|Cedula No\\.|Identification Number|D\\.N\\.I\\."
                    + "|Tax ID No\\.|Driver's License No\\.|Electoral Registry No\\.|Credencial electoral"
                    + "|C\\.U\\.R\\.P\\.(?: #)?|R\\.F\\.C\\.(?: #)?|SSN|NIT #|RUC #|Residency Number"
                    + "|Italian Fiscal Code)\\s+(.+?)(?:\\s+\\(([^()]+)\\))?(?:\\s+(?:issued|expires)\\b.*)?$");

    private OfacRemarks() {
    }

    static void apply(String remarks, EntityBuilder entity) {
        for (String raw : remarks.split(";")) {
            String part = raw.strip();
            if (part.endsWith(".")) {
                part = part.substring(0, part.length() - 1).strip();
            }
            if (part.startsWith("alt. ")) {
                part = part.substring("alt. ".length());
            }
            applyPart(part, entity);
        }
    }

    private static void applyPart(String part, EntityBuilder entity) {
        Matcher m;
        if ((m = WEAK_ALIAS.matcher(part)).matches()) {
            Alias.Type type = switch (m.group(1)) {
                case "f" -> Alias.Type.FKA;
                case "n" -> Alias.Type.NKA;
                default -> Alias.Type.AKA;
            };
            entity.aliases.add(new Alias(m.group(2).strip(), type, Alias.Strength.WEAK));
        } else if ((m = DIGITAL_CURRENCY.matcher(part)).matches()) {
            entity.digitalCurrencyAddresses.add(new DigitalCurrencyAddress(m.group(1), m.group(2)));
        } else if ((m = GENDER.matcher(part)).matches()) {
            entity.gender = m.group(1);
        } else if ((m = DOCUMENT.matcher(part)).matches()) {
            entity.documents.add(new IdentityDocument(m.group(1), m.group(2), m.group(3)));
        } else if (part.startsWith("DOB ")) {
            entity.datesOfBirth.add(BirthDate.parse(part.substring(4)));
        } else if (part.startsWith("POB ")) {
            entity.placesOfBirth.add(part.substring(4).strip());
        } else if (part.startsWith("nationality ")) {
            entity.nationalities.add(part.substring("nationality ".length()).strip());
        } else if (part.startsWith("citizen ")) {
            entity.citizenships.add(part.substring("citizen ".length()).strip());
        }
    }
}

package io.kycflow.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The scopes an API key can carry. */
public enum Scope {
    KYC_READ("kyc:read"),
    KYC_WRITE("kyc:write"),
    KYC_REVIEW("kyc:review"),
    KYC_EXPORT("kyc:export");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Parses "kyc:read" style names. */
    public static Scope of(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope: " + value);
    }

    /** Parses a space- or comma-separated list. */
    public static Set<Scope> parseAll(String list) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (list != null) {
            for (String part : list.split("[ ,]+")) {
                if (!part.isBlank()) {
                    scopes.add(of(part));
                }
            }
        }
        return scopes;
    }

    /** Space-separated form, as carried in the authorizer context. */
    public static String join(Set<Scope> scopes) {
        return String.join(" ", scopes.stream().map(Scope::value).toList());
    }
}

package io.kycflow.kyc;

import io.kycflow.screening.SubjectType;

/**
 * Who a KYC check screens, as the business submitted it.
 *
 * @param type        person or business
 * @param name        full name or company name
 * @param dateOfBirth YYYY, YYYY-MM or YYYY-MM-DD; null when unknown
 * @param nationality ISO 3166 alpha-3 (or alpha-2); null when unknown
 * @param documentId  passport or national id number; null when unknown
 * @param country     country of residence or registration, ISO 3166; null when unknown
 */
public record KycSubject(SubjectType type, String name, String dateOfBirth, String nationality, String documentId,
                         String country) {

    /** The API's entity type: "person" or "business". */
    public String typeLabel() {
        return type == SubjectType.BUSINESS ? "business" : "person";
    }
}

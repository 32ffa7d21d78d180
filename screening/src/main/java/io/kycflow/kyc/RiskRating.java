package io.kycflow.kyc;

/** The five KYC risk ratings of seed 003, each a band of the 0-100 risk score. */
public enum RiskRating {
    LOW("Low", 0),
    LOW_TO_MEDIUM("Low to medium", 25),
    MEDIUM("Medium", 50),
    HIGH("High", 75),
    VERY_HIGH("Very high", 100);

    private final String label;
    private final int from;

    RiskRating(String label, int from) {
        this.label = label;
        this.from = from;
    }

    /** The label the API reports. */
    public String label() {
        return label;
    }

    /** The rating of a score: 0-24 Low, 25-49 Low to medium, 50-74 Medium, 75-99 High, 100 Very high. */
    public static RiskRating of(int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("risk score out of 0-100: " + score);
        }
        RiskRating[] ratings = values();
        for (int i = ratings.length - 1; i > 0; i--) {
            if (score >= ratings[i].from) {
                return ratings[i];
            }
        }
        return LOW;
    }
}

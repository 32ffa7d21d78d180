package io.kycflow.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's age condition such as {@code age >= 18} or {@code age < 100} (seed 004's face age conditions: gte, gt,
 * lte, lt against a number of years).
 *
 * @param operator the comparison
 * @param years    the age it compares with
 */
public record AgeCondition(Operator operator, int years) {
    private static final Pattern SYNTAX = Pattern.compile("\\s*age\\s*(>=|>|<=|<)\\s*(\\d{1,3})\\s*");

    /** The comparisons, with seed 004's names. */
    public enum Operator {
        GTE(">="), GT(">"), LTE("<="), LT("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * Parses {@code age <op> <years>}.
     *
     * @throws IllegalArgumentException for anything else, saying what is accepted
     */
    public static AgeCondition parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("age condition '" + text + "' is not of the form 'age >= 18'"
                    + " (operators >=, >, <=, <)");
        }
        Operator operator = switch (m.group(1)) {
            case ">=" -> Operator.GTE;
            case ">" -> Operator.GT;
            case "<=" -> Operator.LTE;
            default -> Operator.LT;
        };
        return new AgeCondition(operator, Integer.parseInt(m.group(2)));
    }

    /** Whether an age meets the condition. */
    public boolean test(int age) {
        return switch (operator) {
            case GTE -> age >= years;
            case GT -> age > years;
            case LTE -> age <= years;
            case LT -> age < years;
        };
    }

    /** Whether the condition sets a minimum age (its failure is {@link IdentityRisk#AGE_BELOW_MINIMUM}). */
    public boolean isMinimum() {
        return operator == Operator.GTE || operator == Operator.GT;
    }

    /** The risk raised when an age fails the condition. */
    public IdentityRisk failure() {
        return isMinimum() ? IdentityRisk.AGE_BELOW_MINIMUM : IdentityRisk.AGE_ABOVE_MAXIMUM;
    }

    /** The condition as written, e.g. {@code age >= 18}. */
    @Override
    public String toString() {
        return "age " + operator.symbol() + " " + years;
    }
}

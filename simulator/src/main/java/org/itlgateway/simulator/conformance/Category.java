package org.itlgateway.simulator.conformance;

/**
 * The categories of the initialisation test plan that this runner plays, in plan order: every test of one category
 * passes before the next category runs. The numbering follows the DES's test plan (Annex H); the content of each
 * test is this project's reading of what the category is about.
 */
public enum Category {
    COMMUNICATION(100, 103, "Communication"),
    ISSUANCE(120, 124, "Issuance"),
    CONVERSION(130, 132, "Conversion"),
    INTERNAL_TRANSFER(140, 142, "Internal transfer"),
    EXTERNAL_TRANSFER(150, 156, "External transfer"),
    CANCELLATION(160, 162, "Cancellation"),
    RETIREMENT(170, 172, "Retirement"),
    CARRY_OVER(180, 185, "Carry-over"),
    REPLACEMENT(190, 193, "Replacement"),
    EXPIRY_DATE_CHANGE(200, 203, "Expiry date change"),
    RECONCILIATION(300, 399, "Reconciliation");

    private final int first;
    private final int last;
    private final String title;

    Category(int first, int last, String title) {
        this.first = first;
        this.last = last;
        this.title = title;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    public String title() {
        return title;
    }

    /** Whether a test number belongs to this category's range. */
    public boolean numbers(int number) {
        return number >= first && number <= last;
    }
}

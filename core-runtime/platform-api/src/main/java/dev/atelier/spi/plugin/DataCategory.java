package dev.atelier.spi.plugin;

/** Kinds of personal data a processor may receive, in the words a privacy policy uses. */
public enum DataCategory {

    /** The prompts and other text users write. */
    PROMPTS("prompts and other text users write"),
    /** Images and videos users upload as input. */
    UPLOADED_MEDIA("images and videos users upload"),
    /** Images and videos generated for users. */
    GENERATED_MEDIA("images and videos generated for users"),
    /** Names and email addresses of accounts. */
    ACCOUNT_DETAILS("account details such as name and email address"),
    /** Billing details: payment method, billing address, purchase history. */
    PAYMENT_DETAILS("payment and billing details"),
    /** Network and device data: IP address, browser, request metadata. */
    TECHNICAL_DATA("IP address and device information");

    private final String label;

    DataCategory(String label) {
        this.label = label;
    }

    /** The category in plain English, for example {@code "prompts and other text users write"}. */
    public String label() {
        return label;
    }
}

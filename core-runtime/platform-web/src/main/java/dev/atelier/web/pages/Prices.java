package dev.atelier.web.pages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Formats minor-unit prices for people: {@code 1200 USD} → {@code $12}, {@code 1299 USD} → {@code $12.99}. */
public final class Prices {

    private Prices() {}

    /** @param currencyCode ISO 4217, either case ({@code USD} in tenant.yaml, {@code usd} as providers write it) */
    public static String format(long minor, String currencyCode) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return minor + " " + currencyCode;
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal amount = BigDecimal.valueOf(minor, digits);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }
}

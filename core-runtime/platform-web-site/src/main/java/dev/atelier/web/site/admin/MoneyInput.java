package dev.atelier.web.site.admin;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An amount of money as an admin types it, in the currency's major units ({@code 7.00}, {@code 3.5}, {@code 12}),
 * converted exactly to minor units: more decimals than the currency has are refused, never rounded.
 */
final class MoneyInput {

    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,4})?|\\.[0-9]{1,4}");

    private MoneyInput() {}

    /** The amount in minor units; empty when it is not a plain positive amount of {@code currencyCode}. */
    static OptionalLong minorUnits(String typed, String currencyCode) {
        if (typed == null || !AMOUNT.matcher(typed.strip()).matches()) {
            return OptionalLong.empty();
        }
        int digits = fractionDigits(currencyCode);
        if (digits < 0) {
            return OptionalLong.empty();
        }
        try {
            long minor = new BigDecimal(typed.strip()).movePointRight(digits).longValueExact();
            return minor > 0 ? OptionalLong.of(minor) : OptionalLong.empty();
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code minor} units of {@code currencyCode} as an admin would type them ({@code 550 USD} → {@code 5.50}). */
    static String typed(long minor, String currencyCode) {
        int digits = fractionDigits(currencyCode);
        return BigDecimal.valueOf(minor, Math.max(0, digits)).toPlainString();
    }

    /** The currency's decimals, or -1 for a code that is not a currency. */
    private static int fractionDigits(String currencyCode) {
        try {
            return Math.max(0, Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return -1;
        }
    }
}

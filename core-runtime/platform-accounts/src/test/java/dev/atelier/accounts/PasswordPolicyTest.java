package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final String EMAIL = "ada.lovelace@example.com";
    private static PasswordPolicy policy;

    @BeforeAll
    static void loadShippedList() {
        policy = PasswordPolicy.withShippedList();
    }

    @Test
    void refusesPasswordsShorterThanTenCharacters() {
        assertThatThrownBy(() -> policy.check("Tr0ub4dor", EMAIL, "password"))
                .isInstanceOf(InvalidAccountInputException.class)
                .hasMessage("Use at least 10 characters.")
                .extracting(e -> ((InvalidAccountInputException) e).field()).isEqualTo("password");
        assertThatThrownBy(() -> policy.check("", EMAIL, "password")).hasMessage("Enter a password.");
    }

    @Test
    void refusesATenKilobytePasswordWithAClearMessage() {
        String huge = "correct horse battery staple ".repeat(350);

        assertThatThrownBy(() -> policy.check(huge, EMAIL, "newPassword"))
                .isInstanceOf(InvalidAccountInputException.class)
                .hasMessage("Use at most 256 characters.")
                .extracting(e -> ((InvalidAccountInputException) e).field()).isEqualTo("newPassword");
        assertThatThrownBy(() -> policy.check("x".repeat(257), EMAIL, "password"))
                .hasMessage("Use at most 256 characters.");
        assertThatCode(() -> policy.check("x7Kq".repeat(64), EMAIL, "password")).doesNotThrowAnyException();
    }

    @Test
    void refusesCommonPasswordsFromTheShippedListWhateverTheirCase() {
        for (String common : new String[] {"password123", "qwertyuiop", "1234567890", "Password123", "QWERTYUIOP"}) {
            assertThatThrownBy(() -> policy.check(common, EMAIL, "password"))
                    .as(common).hasMessage("This password is too common; choose another.");
        }
    }

    @Test
    void refusesTheEmailOrItsLocalPartAsPassword() {
        assertThatThrownBy(() -> policy.check("ada.lovelace@example.com", EMAIL, "password"))
                .hasMessage("Do not use your email address as your password.");
        assertThatThrownBy(() -> policy.check("Ada.Lovelace", EMAIL, "password"))
                .hasMessage("Do not use your email address as your password.");
    }

    @Test
    void countsCharactersAsUnicodeCodePointsNotBytes() {
        String nineEmoji = "\uD83C\uDFA8".repeat(9); // 18 UTF-16 units, 36 UTF-8 bytes, 9 characters
        String tenEmoji = "\uD83C\uDFA8".repeat(10);
        String twoHundredFiftySixEmoji = "\uD83C\uDFA8".repeat(128) + "\uD83D\uDDBC".repeat(128);

        assertThatThrownBy(() -> policy.check(nineEmoji, EMAIL, "password")).hasMessage("Use at least 10 characters.");
        assertThatCode(() -> policy.check(tenEmoji, EMAIL, "password")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(twoHundredFiftySixEmoji, EMAIL, "password")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(twoHundredFiftySixEmoji + "a", EMAIL, "password"))
                .hasMessage("Use at most 256 characters.");
        assertThatCode(() -> policy.check("žluťoučký kůň", EMAIL, "password")).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnUncommonPassphraseWithoutCompositionRules() {
        assertThatCode(() -> policy.check("violet lantern orbit", EMAIL, "password")).doesNotThrowAnyException();
    }
}

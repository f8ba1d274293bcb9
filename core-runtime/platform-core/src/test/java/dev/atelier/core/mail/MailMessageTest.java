package dev.atelier.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void refusesALineBreakInTheSubjectThatWouldAddAHeader() {
        assertThatThrownBy(() -> message("Welcome\r\nBcc: everyone@example.com", "ada@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void refusesARecipientThatSmugglesHeadersOrMoreRecipients() {
        for (String to : new String[] {"ada@example.com\r\nBcc: everyone@example.com", "ada@example.com\nX: y",
                "ada@example.com, eve@example.com", "Ada <ada@example.com>", "ada@example.com\u0000", "ada",
                "\"ada\"@example.com"}) {
            assertThatThrownBy(() -> message("Welcome", to)).as(to)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("to");
        }
    }

    @Test
    void refusesALineBreakInTheSenderName() {
        assertThatThrownBy(() -> new MailMessage("t1", "AuraTuner\nBcc: eve@example.com", "support@auratuner.example",
                "ada@example.com", "Welcome", "Hello", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromName");
    }

    @Test
    void refusesOverlongAddressesAndSubjects() {
        String longAddress = "a".repeat(64) + "@" + ("b".repeat(63) + ".").repeat(3) + "example";
        assertThatThrownBy(() -> message("Welcome", longAddress)).hasMessageContaining("longer than 254");
        assertThatThrownBy(() -> message("x".repeat(501), "ada@example.com")).hasMessageContaining("longer than 500");
    }

    @Test
    void acceptsUnicodeSubjectsAndNamesOnOneLine() {
        MailMessage message = new MailMessage(null, "Atelier · Ünïcode", "noreply@atelier.example", "ada@example.com",
                "Bienvenue ✨ 欢迎", "Hello", "<p>Hello</p>");

        assertThat(message.subject()).isEqualTo("Bienvenue ✨ 欢迎");
    }

    private static MailMessage message(String subject, String to) {
        return new MailMessage("t1", "AuraTuner", "support@auratuner.example", to, subject, "Hello", null);
    }
}

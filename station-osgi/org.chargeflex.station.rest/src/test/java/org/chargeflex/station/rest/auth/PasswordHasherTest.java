package org.chargeflex.station.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Test
    void verifiesTheRightPasswordAndRefusesOthers() {
        String hash = hasher.hash("a long enough password".toCharArray());
        assertThat(PasswordHasher.verify("a long enough password".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("a long enough passwore".toCharArray(), hash)).isFalse();
        assertThat(PasswordHasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void writesTheDocumentedFormatWithAFreshSaltEachTime() {
        String a = hasher.hash("same password 1".toCharArray());
        String b = hasher.hash("same password 1".toCharArray());
        assertThat(a).matches("pbkdf2-sha256\\$10000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}");
        assertThat(a).isNotEqualTo(b);
        assertThat(new PasswordHasher().hash("x".toCharArray())).startsWith("pbkdf2-sha256$210000$");
    }

    @Test
    void agreesWithAnIndependentPbkdf2Implementation() {
        // made with Python's hashlib.pbkdf2_hmac('sha256', password.encode('utf-8'), bytes(range(16)), 10000, 32)
        assertThat(PasswordHasher.verify("correct horse battery staple".toCharArray(),
                "pbkdf2-sha256$10000$AAECAwQFBgcICQoLDA0ODw==$2flfZcLfnShdJogjAMpb4p4+1QBVZmODXExi4nBRUCI="))
                .isTrue();
        assertThat(PasswordHasher.verify("pässwörd-ünïcode".toCharArray(),
                "pbkdf2-sha256$10000$AAECAwQFBgcICQoLDA0ODw==$alVvGrCu1Acxb6VZqr6IZ/6pe86rI9ghn8bLFGKjwiI="))
                .isTrue();
    }

    @Test
    void refusesMalformedOrWeakHashesWithAReason() {
        assertThatThrownBy(() -> PasswordHasher.checkFormat("plain-text")).hasMessageContaining("must look like");
        assertThatThrownBy(() -> PasswordHasher.checkFormat("md5$1$a$b")).hasMessageContaining("must look like");
        assertThatThrownBy(() -> PasswordHasher.checkFormat("pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$"
                + "2flfZcLfnShdJogjAMpb4p4+1QBVZmODXExi4nBRUCI=")).hasMessageContaining("iterations must be between");
        assertThatThrownBy(() -> PasswordHasher.checkFormat("pbkdf2-sha256$many$AAAA$AAAA"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> PasswordHasher.checkFormat("pbkdf2-sha256$10000$%%%$AAAA"))
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> PasswordHasher.checkFormat(null)).hasMessageContaining("missing");
    }
}

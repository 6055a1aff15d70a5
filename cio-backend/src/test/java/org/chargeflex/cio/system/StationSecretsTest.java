package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StationSecretsTest {

    @Test
    void aHashMatchesItsSecretOnly() {
        String secret = SecretGenerator.newSecret();
        String hash = StationSecrets.hash(secret);

        assertThat(hash).startsWith(StationSecrets.PREFIX).doesNotContain(secret);
        assertThat(StationSecrets.matches(secret, hash)).isTrue();
        assertThat(StationSecrets.matches(secret + "x", hash)).isFalse();
        assertThat(StationSecrets.matches(SecretGenerator.newSecret(), hash)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String secret = SecretGenerator.newSecret();
        String a = StationSecrets.hash(secret);
        String b = StationSecrets.hash(secret);

        assertThat(a).isNotEqualTo(b);
        assertThat(StationSecrets.matches(secret, b)).isTrue();
    }

    @Test
    void otherSchemesAndMalformedHashesMatchNothing() {
        String secret = SecretGenerator.newSecret();
        assertThat(StationSecrets.isThisScheme("{bcrypt}$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(StationSecrets.matches(secret, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(StationSecrets.matches(secret, StationSecrets.PREFIX + "no-dollar")).isFalse();
        assertThat(StationSecrets.matches(secret, StationSecrets.PREFIX + "!!$!!")).isFalse();
        assertThat(StationSecrets.matches(secret, StationSecrets.PREFIX + "$AAAA")).isFalse(); // empty salt
        assertThat(StationSecrets.matches(null, StationSecrets.hash(secret))).isFalse();
        assertThat(StationSecrets.matches(secret, null)).isFalse();
    }
}

package org.chargeflex.cio.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.chargeflex.cio.station.StationRepository;
import org.chargeflex.cio.system.RegistryChanges;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.chargeflex.cio.system.StationSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Station secrets stored with the older BCrypt scheme keep working and are re-hashed on their first use. */
class StationSecretRehashTest extends IntegrationTest {

    @Autowired
    StationRepository stations;

    @Autowired
    RegistryChanges changes;

    @Test
    void newCredentialsAreStoredWithTheFastScheme() {
        String id = unique("ST");
        registerStation(id, 22_000, null);
        assertThat(storedHash(id)).startsWith(StationSecrets.PREFIX);
    }

    @Test
    void aBcryptHashIsAcceptedOnceAndReplacedByTheFastScheme() {
        String id = unique("ST");
        Credentials issued = registerStation(id, 22_000, null);
        String bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(issued.password());
        assertThat(bcrypt).startsWith("{bcrypt}");
        jdbc.sql("UPDATE stations SET credential_hash = ? WHERE id = ?").params(bcrypt, id).update();

        assertThat(api.post(path(id), new Credentials(id, issued.password() + "x"), request(id)).status())
                .isEqualTo(401);
        assertThat(storedHash(id)).isEqualTo(bcrypt);

        assertThat(api.post(path(id), issued, request(id)).status()).isEqualTo(200);
        String rehashed = storedHash(id);
        assertThat(rehashed).startsWith(StationSecrets.PREFIX);
        assertThat(StationSecrets.matches(issued.password(), rehashed)).isTrue();

        assertThat(api.post(path(id), issued, request(id)).status()).isEqualTo(200);
        assertThat(api.post(path(id), new Credentials(id, issued.password() + "x"), request(id)).status())
                .isEqualTo(401);
    }

    @Test
    void aRotatedCredentialIsNotOverwrittenByTheRehashOfTheOldOne() {
        String id = unique("ST");
        Credentials issued = registerStation(id, 22_000, null);
        String bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(issued.password());
        String rotated = StationSecrets.hash("another-secret");
        jdbc.sql("UPDATE stations SET credential_hash = ? WHERE id = ?").params(rotated, id).update();

        // the re-hash of a checked old hash applies only while that old hash is still stored
        StationAccounts accounts = new StationAccounts(stations, new StationCredentialCache(changes));
        accounts.updatePassword(User.withUsername(id).password(bcrypt)
                .roles(StationAccounts.ROLE).build(), StationSecrets.hash(issued.password()));

        assertThat(storedHash(id)).isEqualTo(rotated);
    }

    private String storedHash(String id) {
        return jdbc.sql("SELECT credential_hash FROM stations WHERE id = ?").param(id).query(String.class).single();
    }

    private static Object request(String id) {
        return Requests.chargingRequest(id, "1", "s1", 10_000, 11_000, Instant.now().plus(Duration.ofHours(3)));
    }

    private static String path(String id) {
        return "/api/v1/stations/" + id + "/charging-requests";
    }
}

package org.chargeflex.station.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
    private final AtomicLong clock = new AtomicLong();
    private final AuthPrincipal alice = new AuthPrincipal("alice", Set.of(Role.READ), "BASIC");

    @Test
    void keysDependOnUserAndPasswordButNeverContainThem() {
        CredentialCache cache = new CredentialCache(10, 1000, clock::get);
        String k = cache.key("alice", "password-one");
        assertThat(cache.key("alice", "password-one")).isEqualTo(k);
        assertThat(cache.key("alice", "password-two")).isNotEqualTo(k);
        assertThat(cache.key("alic", "epassword-one")).isNotEqualTo(k);
        assertThat(k).doesNotContain("alice", "password");
        assertThat(new CredentialCache(10, 1000, clock::get).key("alice", "password-one"))
                .as("the HMAC key is random per cache").isNotEqualTo(k);
    }

    @Test
    void forgetsEntriesAfterTheTtl() {
        CredentialCache cache = new CredentialCache(10, 1000, clock::get);
        cache.put("k", 1, alice);
        clock.set(999);
        assertThat(cache.get("k", 1)).isEqualTo(alice);
        clock.set(1000);
        assertThat(cache.get("k", 1)).isNull();
    }

    @Test
    void neverAnswersForAnotherUsersFileGeneration() {
        CredentialCache cache = new CredentialCache(10, 1000, clock::get);
        cache.put("k", 1, alice);
        assertThat(cache.get("k", 2)).isNull();
        assertThat(cache.get("k", 1)).as("dropped on mismatch").isNull();
    }

    @Test
    void staysWithinItsSizeDroppingTheLeastRecentlyUsed() {
        CredentialCache cache = new CredentialCache(2, 1000, clock::get);
        cache.put("a", 1, alice);
        cache.put("b", 1, alice);
        cache.get("a", 1);
        cache.put("c", 1, alice);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b", 1)).isNull();
        assertThat(cache.get("a", 1)).isNotNull();
        cache.clear();
        assertThat(cache.size()).isZero();
    }
}

package org.chargeflex.cio.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialCacheTest {
    private final AtomicInteger delegateChecks = new AtomicInteger();
    private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            delegateChecks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };
    private final VerifiedCredentialCache cache = new VerifiedCredentialCache(counting, 2);

    @Test
    void repeatedCorrectPasswordIsCheckedByTheDelegateOnce() {
        String hash = cache.encode("secret");
        assertThat(cache.matches("secret", hash)).isTrue();
        assertThat(cache.matches("secret", hash)).isTrue();
        assertThat(delegateChecks).hasValue(1);
    }

    @Test
    void wrongPasswordIsNeverRemembered() {
        String hash = cache.encode("secret");
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(delegateChecks).hasValue(2);
    }

    @Test
    void rotatedHashInvalidatesTheRememberedCheck() {
        String oldHash = cache.encode("secret");
        assertThat(cache.matches("secret", oldHash)).isTrue();
        String newHash = cache.encode("other");
        assertThat(cache.matches("secret", newHash)).isFalse();
    }

    @Test
    void capacityIsBounded() {
        String a = cache.encode("a");
        String b = cache.encode("b");
        String c = cache.encode("c");
        cache.matches("a", a);
        cache.matches("b", b);
        cache.matches("c", c); // evicts a
        delegateChecks.set(0);
        cache.matches("a", a);
        assertThat(delegateChecks).hasValue(1);
    }
}

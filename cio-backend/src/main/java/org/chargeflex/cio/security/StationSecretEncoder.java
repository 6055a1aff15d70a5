package org.chargeflex.cio.security;

import org.chargeflex.cio.system.StationSecrets;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks station secrets: hashes of {@link StationSecrets} directly (about a microsecond), older hashes (BCrypt) with
 * the legacy encoder. {@link #upgradeEncoding} asks for an older hash to be replaced, which the authentication
 * provider does after a successful check ({@link StationAccounts#updatePassword}).
 */
final class StationSecretEncoder implements PasswordEncoder {
    private final PasswordEncoder legacy;

    StationSecretEncoder(PasswordEncoder legacy) {
        this.legacy = legacy;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return StationSecrets.hash(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        return StationSecrets.isThisScheme(encodedPassword) ? StationSecrets.matches(rawPassword, encodedPassword)
                : legacy.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encodedPassword != null && !StationSecrets.isThisScheme(encodedPassword);
    }
}

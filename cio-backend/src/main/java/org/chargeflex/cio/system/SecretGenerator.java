package org.chargeflex.cio.system;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets for credentials that the CIO hands out once (station secrets, generated passwords). */
public final class SecretGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretGenerator() {
    }

    /** 32 random bytes (256 bits), base64url without padding: 43 characters. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

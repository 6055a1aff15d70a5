package org.chargeflex.cio.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} that remembers successful checks, so that an operator account used every few seconds (a
 * load balancer's health check, a script) does not cost a BCrypt computation (tens of milliseconds) per request.
 * (Station secrets do not need it: {@link StationSecretEncoder}.)
 *
 * <p>After the delegate has accepted a password, this keeps HMAC-SHA256(process key, stored hash + password) in a
 * bounded in-memory set. A later check with the same stored hash and the same password matches that entry; any other
 * check goes to the delegate. Because the stored hash is part of the entry, rotating a credential (a new hash)
 * invalidates it at once on every instance. The process key is random per process and never leaves memory, so the set
 * holds nothing that could be checked offline against guessed passwords.
 */
final class VerifiedCredentialCache implements PasswordEncoder {
    private final PasswordEncoder delegate;
    private final int capacity;
    private final SecretKeySpec processKey;
    private final Map<String, Boolean> verified;

    VerifiedCredentialCache(PasswordEncoder delegate, int capacity) {
        this.delegate = delegate;
        this.capacity = capacity;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, "HmacSHA256");
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > VerifiedCredentialCache.this.capacity;
            }
        };
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String entry = fingerprint(rawPassword, encodedPassword);
        synchronized (verified) {
            if (verified.get(entry) != null) {
                return true;
            }
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            synchronized (verified) {
                verified.put(entry, Boolean.TRUE);
            }
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence raw, String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            mac.update(encoded.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

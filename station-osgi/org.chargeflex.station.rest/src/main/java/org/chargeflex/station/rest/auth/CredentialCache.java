package org.chargeflex.station.rest.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers successful password checks so that PBKDF2 runs once per user and password rather than once per request.
 * Keys are an HMAC-SHA256 of the credentials under a random key made per instance (the credentials themselves are
 * never kept); entries expire after a TTL, the least recently used go first when the cache is full, and an entry made
 * against an older state of the users file is never returned.
 */
final class CredentialCache {
    private record Entry(AuthPrincipal principal, long generation, long expiresAt) {
    }

    private final int maxEntries;
    private final long ttlMillis;
    private final LongSupplier clockMillis;
    private final Mac mac;
    private final Map<String, Entry> entries;

    CredentialCache(int maxEntries, long ttlMillis, LongSupplier clockMillis) {
        if (maxEntries < 1 || ttlMillis < 1) {
            throw new IllegalArgumentException("maxEntries and ttlMillis must be positive");
        }
        this.maxEntries = maxEntries;
        this.ttlMillis = ttlMillis;
        this.clockMillis = clockMillis;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > CredentialCache.this.maxEntries;
            }
        };
    }

    /** The cache key of a user name and password. */
    String key(String user, String password) {
        byte[] digest;
        synchronized (mac) {
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(digest);
    }

    /** The principal cached under this key for this users-file generation, or null. */
    synchronized AuthPrincipal get(String key, long generation) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.generation() != generation || clockMillis.getAsLong() >= e.expiresAt()) {
            entries.remove(key);
            return null;
        }
        return e.principal();
    }

    synchronized void put(String key, long generation, AuthPrincipal principal) {
        entries.put(key, new Entry(principal, generation, clockMillis.getAsLong() + ttlMillis));
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
    }
}

package org.chargeflex.cio.security;

import java.util.Set;
import org.chargeflex.cio.system.RegistryCache;
import org.chargeflex.cio.system.RegistryChanges;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Station accounts (id and credential hash) kept in memory between requests, so that a station's request costs no
 * database round trip for its credential. A {@link RegistryCache}: emptied whenever table {@code stations} changes
 * (a new secret, a deleted station) on any instance. The provider checks the secret against the cached hash and, if
 * that fails, once more against the stored one, so a station whose secret was just rotated elsewhere is not refused.
 *
 * <p>Only accounts that {@link StationAccounts} read after the cache's generation was taken are stored (a
 * {@link StationAccounts.StationUser} carries it), so a read that raced with a change is never kept. The provider
 * returns the station id as principal ({@code forcePrincipalAsString}), so nothing erases the cached hash.
 */
final class StationCredentialCache implements UserCache {
    private static final int CAPACITY = 200_000;
    private final RegistryCache<String, UserDetails> cache;

    StationCredentialCache(RegistryChanges changes) {
        this.cache = changes.cache("station credentials", CAPACITY, Set.of(RegistryChanges.STATIONS));
    }

    /** The generation to give an account read now (see {@link RegistryCache#generation()}). */
    long generation() {
        return cache.generation();
    }

    @Override
    public UserDetails getUserFromCache(String stationId) {
        return cache.peek(stationId);
    }

    @Override
    public void putUserInCache(UserDetails user) {
        if (user instanceof StationAccounts.StationUser station) {
            cache.put(station.getUsername(), station, station.generation());
        }
    }

    @Override
    public void removeUserFromCache(String stationId) {
        cache.remove(stationId);
    }
}

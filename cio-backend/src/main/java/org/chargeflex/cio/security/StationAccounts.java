package org.chargeflex.cio.security;

import java.util.List;
import org.chargeflex.cio.station.StationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Stations as principals of the station API: user name = station id, password = the station's secret, role STATION.
 * A secret stored with an older hash scheme is re-hashed after its first successful check ({@link StationSecretEncoder}).
 */
final class StationAccounts implements UserDetailsService, UserDetailsPasswordService {
    static final String ROLE = "STATION";
    private static final Logger LOG = LoggerFactory.getLogger(StationAccounts.class);

    private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_" + ROLE));

    private final StationRepository stations;
    private final StationCredentialCache cache;

    StationAccounts(StationRepository stations, StationCredentialCache cache) {
        this.stations = stations;
        this.cache = cache;
    }

    /** A station's account as read from the database, with the credential cache's generation at that moment. */
    static final class StationUser extends User {
        private static final long serialVersionUID = 1L;
        private final long generation;

        StationUser(String stationId, String hash, long generation) {
            super(stationId, hash, AUTHORITIES);
            this.generation = generation;
        }

        long generation() {
            return generation;
        }
    }

    @Override
    public UserDetails loadUserByUsername(String stationId) {
        long generation = cache.generation(); // before the read: a change after it makes the account unfit to keep
        String hash = stations.credentialHash(stationId)
                .orElseThrow(() -> new UsernameNotFoundException("no station with a credential: " + stationId));
        return new StationUser(stationId, hash, generation);
    }

    /**
     * Replaces the verified secret's old hash with {@code newHash}, only if the stored hash is still the one that was
     * checked: a credential rotated in the meantime stays rotated.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newHash) {
        if (stations.replaceCredentialHash(user.getUsername(), user.getPassword(), newHash)) {
            LOG.info("Station {}: credential re-hashed with the current scheme", user.getUsername());
            return new StationUser(user.getUsername(), newHash, -1); // -1: never cached; the next read is
        }
        return user;
    }
}

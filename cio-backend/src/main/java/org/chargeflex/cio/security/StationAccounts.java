package org.chargeflex.cio.security;

import org.chargeflex.cio.station.StationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final StationRepository stations;

    StationAccounts(StationRepository stations) {
        this.stations = stations;
    }

    @Override
    public UserDetails loadUserByUsername(String stationId) {
        String hash = stations.credentialHash(stationId)
                .orElseThrow(() -> new UsernameNotFoundException("no station with a credential: " + stationId));
        return User.withUsername(stationId).password(hash).roles(ROLE).build();
    }

    /**
     * Replaces the verified secret's old hash with {@code newHash}, only if the stored hash is still the one that was
     * checked: a credential rotated in the meantime stays rotated.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newHash) {
        if (stations.replaceCredentialHash(user.getUsername(), user.getPassword(), newHash)) {
            LOG.info("Station {}: credential re-hashed with the current scheme", user.getUsername());
            return User.withUserDetails(user).password(newHash).build();
        }
        return user;
    }
}

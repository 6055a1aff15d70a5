package org.chargeflex.cio.security;

import org.chargeflex.cio.station.StationRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Stations as principals of the station API: user name = station id, password = the station's secret, role STATION. */
final class StationAccounts implements UserDetailsService {
    static final String ROLE = "STATION";

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
}

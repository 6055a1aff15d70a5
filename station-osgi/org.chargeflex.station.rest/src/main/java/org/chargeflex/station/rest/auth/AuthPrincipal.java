package org.chargeflex.station.rest.auth;

import java.security.Principal;
import java.util.Set;

/**
 * Who made a request and with what roles, after authentication.
 *
 * @param name the user or token name from the users file
 * @param roles the roles granted
 * @param scheme {@code BASIC} or {@code BEARER}
 */
public record AuthPrincipal(String name, Set<Role> roles, String scheme) implements Principal {
    public AuthPrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean may(Role needed) {
        return Role.grants(roles, needed);
    }
}

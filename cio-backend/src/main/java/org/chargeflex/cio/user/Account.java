package org.chargeflex.cio.user;

import java.util.Set;

/** An operator account as stored: name, password hash (DelegatingPasswordEncoder format) and roles. */
public record Account(String name, String passwordHash, Set<Role> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }
}

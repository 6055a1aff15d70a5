package org.chargeflex.station.rest.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user or token may do. {@code read} allows GET (and HEAD/OPTIONS), {@code write} allows PUT; {@code write} does
 * not imply {@code read}. {@code admin} implies both.
 */
public enum Role {
    READ, WRITE, ADMIN;

    /** The name used in the users file: lower case. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this users-file name ({@code read}, {@code write}, {@code admin}), case-insensitive. */
    public static Optional<Role> fromFileName(String name) {
        for (Role r : values()) {
            if (r.fileName().equalsIgnoreCase(name.trim())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** True if a holder of {@code roles} may act with {@code needed}. */
    public static boolean grants(Set<Role> roles, Role needed) {
        return roles.contains(needed) || roles.contains(ADMIN);
    }
}

package org.chargeflex.cio.user;

/**
 * Roles of operator accounts. What each may do is in {@code SecurityConfiguration} and the README's table:
 * OPERATOR everything; FLEET_OPERATOR, DNO and READ_ONLY read the admin API (DNO may also set grid limits and a
 * site's base load; FLEET_OPERATOR a site's objective, renewable forecast and prices).
 */
public enum Role {
    OPERATOR, FLEET_OPERATOR, DNO, READ_ONLY;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}

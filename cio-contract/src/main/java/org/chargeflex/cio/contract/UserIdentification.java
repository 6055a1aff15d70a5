package org.chargeflex.cio.contract;

/**
 * How the EV user identified at the station.
 *
 * @param type  the means of identification
 * @param token the RFID card UID or the account name, 1 to 64 characters of letters, digits, '.', '_', ':' or '-'
 */
public record UserIdentification(Type type, String token) {

    /** Means of identification. */
    public enum Type {
        /** An RFID card; the token is its UID (hex). */
        RFID,
        /** An account entered at the station or sent by an app; the token is the account name. */
        ACCOUNT
    }

    public UserIdentification {
        Checks.required(type, "user.type");
        Checks.id(token, "user.token");
    }
}

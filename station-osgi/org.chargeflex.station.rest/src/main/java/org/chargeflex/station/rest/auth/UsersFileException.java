package org.chargeflex.station.rest.auth;

/** The users file cannot be used: not JSON, or an entry is malformed. The message says where and why. */
public class UsersFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsersFileException(String message) {
        super(message);
    }

    public UsersFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.chargeflex.station.rest.auth;

/** The outcome of {@link Authenticator#authorize}: go ahead as a principal, or refuse with a status. */
public sealed interface AuthDecision {

    /** The request may proceed. */
    record Allowed(AuthPrincipal principal) implements AuthDecision {
    }

    /**
     * The request is refused.
     *
     * @param status 401 (no or bad credentials: send a challenge) or 403 (known but not allowed, or plain HTTP)
     * @param title short problem title
     * @param detail what went wrong, without revealing whether a user exists
     */
    record Refused(int status, String title, String detail) implements AuthDecision {
        public boolean needsChallenge() {
            return status == 401;
        }
    }
}

package org.chargeflex.cio.forwarding;

/** How a forwarding attempt ended; all but ACCEPTED mean the CIO planned the session itself. */
public enum ForwardingOutcome {
    /** The service's answer was valid and is the session's schedule. */
    ACCEPTED,
    /** The request named a management service URL that no operator registered (the CIO calls no unknown URLs). */
    NOT_REGISTERED,
    /** No answer within the service's timeout. */
    TIMEOUT,
    /** The connection failed. */
    UNREACHABLE,
    /** The service answered with a status other than 200. */
    HTTP_ERROR,
    /** The answer was no valid schedule proposal or broke a limit. */
    INVALID_ANSWER,
    /** The answer was valid when it came, but other sessions took the headroom meanwhile. */
    LIMITS_CHANGED
}

package org.chargeflex.cio.dashboard;

import java.util.regex.Pattern;
import org.chargeflex.cio.system.Problems;

/** A session by station and session id, written {@code stationId/sessionId} (ids cannot contain '/'). */
record SessionKey(String stationId, String sessionId) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}/[A-Za-z0-9._:-]{1,64}");

    /** Parses {@code stationId/sessionId}; anything else is a 400 problem. */
    static SessionKey parse(String text) {
        if (!FORM.matcher(text).matches()) {
            throw Problems.invalid("session must be stationId/sessionId, was '" + text + "'");
        }
        int slash = text.indexOf('/');
        return new SessionKey(text.substring(0, slash), text.substring(slash + 1));
    }
}

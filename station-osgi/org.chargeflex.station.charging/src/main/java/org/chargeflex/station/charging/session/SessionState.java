package org.chargeflex.station.charging.session;

/**
 * The states of an outlet's charging session, in the order a session normally passes them.
 *
 * <pre>
 * IDLE --CP B/C/D--> EV_CONNECTED --user id--> USER_IDENTIFIED --> SCHEDULE_REQUESTED --schedule or fallback-->
 *   CHARGING (CP C/D, limit &gt; 0) &lt;--&gt; SUSPENDED (limit 0, or EV not drawing yet) &lt;--&gt; FINISHED (EV back in B
 *   after charging) --CP A--> EV_GONE (STOP record queued) --STOP confirmed by the CIO--> SESSION_REPORTED --> IDLE
 * </pre>
 *
 * EV_CONNECTED goes back to IDLE when the EV leaves before anyone identified; a new EV may arrive while a previous
 * session is still EV_GONE (its STOP record stays in the outbox until delivered).
 */
public enum SessionState {
    IDLE, EV_CONNECTED, USER_IDENTIFIED, SCHEDULE_REQUESTED, CHARGING, SUSPENDED, FINISHED, EV_GONE,
    SESSION_REPORTED;

    /** States in which a session is open (a START record was queued and no STOP yet). */
    public boolean sessionOpen() {
        return this == USER_IDENTIFIED || this == SCHEDULE_REQUESTED || this == CHARGING || this == SUSPENDED
                || this == FINISHED;
    }
}

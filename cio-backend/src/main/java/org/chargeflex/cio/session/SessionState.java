package org.chargeflex.cio.session;

/** PLANNED after a charging request, CHARGING after a START record, FINISHED after a STOP record. */
public enum SessionState {
    PLANNED, CHARGING, FINISHED
}

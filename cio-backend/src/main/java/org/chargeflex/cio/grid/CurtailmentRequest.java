package org.chargeflex.cio.grid;

/**
 * The body of {@code PUT .../curtailments/...}. Checked by {@link CurtailmentService} (not Bean Validation), so that a
 * refused command is logged like an applied one.
 *
 * @param limitW    the limit, W: required, finite, 0 .. the target's registered maximum
 * @param emergency also write the limit to the stations at once (default false)
 * @param origin    where the command came from, free text (e.g. {@code iec61850 10.0.0.5:50123 ChaPwrLim})
 */
record CurtailmentRequest(Double limitW, Boolean emergency, String origin) {
}

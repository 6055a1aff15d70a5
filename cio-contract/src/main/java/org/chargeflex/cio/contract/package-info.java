/**
 * The JSON wire contract between a charging station and the CIO backend, as plain Java records without any JSON
 * library: each side maps them with its own Jackson (records map by component name).
 *
 * <p>Every record validates itself in its compact constructor and throws {@link java.lang.IllegalArgumentException}
 * (or {@link java.lang.NullPointerException} for a missing required component) with a message naming the field, so a
 * malformed message is refused where it is read, on either side. Physical quantities carry their unit in the name
 * ({@code Wh}, {@code W}, {@code A}); times are {@link java.time.Instant}s (ISO-8601 UTC in JSON). Optional components
 * are {@code null} when absent.
 *
 * <p>Idempotency: {@link org.chargeflex.cio.contract.ChargingRequest#sessionId()} is chosen by the station, so a
 * repeated request re-plans the same session; meter values and session records carry a per-station sequence number,
 * and the CIO stores each (station, sequence number) once.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chargeflex.cio.contract;

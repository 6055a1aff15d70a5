package org.chargeflex.gateway.iec104.internal;

import java.time.Instant;

/** A selected set-point awaiting its execute (select-before-operate). */
record Selection(int ioa, float value, Instant at) {
}

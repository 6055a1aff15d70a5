/**
 * The M3B board's wire protocol, specified in {@code docs/m3b-protocol.md}: {@link org.chargeflex.m3b.protocol.Frame}s
 * with a CRC-16/CCITT, the incremental {@link org.chargeflex.m3b.protocol.FrameDecoder} that resynchronises after
 * garbage, typed {@link org.chargeflex.m3b.protocol.Message}s and the {@link org.chargeflex.m3b.protocol.M3bCodec}
 * between both. Used by the station driver and by the board/EV simulator.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chargeflex.m3b.protocol;

package org.chargeflex.m3b.protocol;

/**
 * A typed protocol message. The implementations are immutable records whose constructors (or builders) validate
 * every field against the wire format, so any message that exists can be encoded; {@link M3bCodec} converts between
 * messages and {@link Frame}s.
 */
public interface Message {
    MessageType type();
}

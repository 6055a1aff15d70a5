package org.chargeflex.m3b.protocol;

import java.util.Objects;
import org.chargeflex.m3b.protocol.internal.MessageCodec;

/** Converts typed {@link Message}s to {@link Frame}s and back. Stateless and thread-safe. */
public final class M3bCodec {
    private M3bCodec() {
    }

    /** The frame carrying a message with a sequence number (0..255). */
    public static Frame toFrame(int sequence, Message message) {
        Objects.requireNonNull(message, "message");
        return new Frame(sequence, message.type().code(), MessageCodec.encodePayload(message));
    }

    /** The bytes on the wire for a message. */
    public static byte[] encode(int sequence, Message message) {
        return toFrame(sequence, message).encode();
    }

    /**
     * The message in an intact frame.
     *
     * @throws MalformedMessageException for an unknown type code or a payload that does not fit its type
     */
    public static Message decode(Frame frame) throws MalformedMessageException {
        return MessageCodec.decode(frame.type(), frame.payload());
    }
}

package org.chargeflex.station.cioclient.outbox;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The outbox's small durable state file ({@code state.properties}): the sequence number up to which the CIO confirmed
 * every item, and the drop and reject counters. Replaced atomically (written to a temporary file, flushed, renamed),
 * so a power loss leaves the old or the new state, never a mix.
 */
final class OutboxState {
    static final String FILE = "state.properties";
    private final Path file;
    long delivered = -1;
    long dropped;
    long rejected;

    OutboxState(Path directory) {
        this.file = directory.resolve(FILE);
    }

    void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        delivered = number(p, "delivered", -1);
        dropped = number(p, "dropped", 0);
        rejected = number(p, "rejected", 0);
    }

    private long number(Properties p, String key, long def) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + key + "' is not a number: " + v, e);
        }
    }

    void store() throws IOException {
        Properties p = new Properties();
        p.setProperty("delivered", Long.toString(delivered));
        p.setProperty("dropped", Long.toString(dropped));
        p.setProperty("rejected", Long.toString(rejected));
        StringWriter w = new StringWriter();
        p.store(w, "CIO outbox state: every item up to 'delivered' is confirmed by the CIO");
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.ISO_8859_1));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

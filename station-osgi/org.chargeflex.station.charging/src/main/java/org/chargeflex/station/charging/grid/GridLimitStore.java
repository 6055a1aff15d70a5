package org.chargeflex.station.charging.grid;

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
 * Keeps the station's grid limit on disk ({@code <directory>/grid-limit.properties}, replaced atomically, next to
 * the outlets' open sessions), so a restart of the firmware keeps it.
 */
public final class GridLimitStore {
    static final String FILE = "grid-limit.properties";
    private final Path file;

    public GridLimitStore(Path directory) {
        this.file = directory.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** Stores the limit (W, or -1 for none). */
    public void save(double limitW) throws IOException {
        Properties p = new Properties();
        p.setProperty("limitW", Double.toString(limitW));
        StringWriter w = new StringWriter();
        p.store(w, "station grid limit (station/grid_limit_w), -1 = none");
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.ISO_8859_1)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The stored limit, W, or -1 when none is stored.
     *
     * @throws IOException if the file exists but cannot be read or holds no finite number
     */
    public double load() throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        String v = p.getProperty("limitW");
        try {
            double d = Double.parseDouble(v == null ? "" : v.trim());
            if (!Double.isFinite(d)) {
                throw new IOException(file + ": limitW is not finite: " + v);
            }
            return d < 0 ? -1 : d;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": limitW is not a number: " + v, e);
        }
    }
}

package org.chargeflex.station.charging.session;

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
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.chargeflex.cio.contract.UserIdentification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the open session of an outlet on disk ({@code <directory>/outlet-<id>.properties}, replaced atomically), so
 * that after a restart the station resumes it (same session id, the last CIO limit still the ceiling) or, when the EV
 * left meanwhile, reports its STOP.
 */
final class SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private final Path file;

    SessionStore(Path directory, String outletId) {
        this.file = directory.resolve("outlet-" + outletId + ".properties");
    }

    /** What was stored: the session's identity and the last limit the CIO gave (or null). */
    record Stored(String sessionId, UserIdentification user, Instant startTime, double startEnergyWh,
            Double lastCioLimitA) {
    }

    void save(OpenSession s) {
        Properties p = new Properties();
        p.setProperty("sessionId", s.sessionId);
        p.setProperty("userType", s.user.type().name());
        p.setProperty("userToken", s.user.token());
        p.setProperty("startTime", s.startTime.toString());
        p.setProperty("startEnergyWh", Double.toString(s.startEnergyWh));
        if (s.lastCioLimitA != null) {
            p.setProperty("lastCioLimitA", Double.toString(s.lastCioLimitA));
        }
        try {
            Files.createDirectories(file.getParent());
            StringWriter w = new StringWriter();
            p.store(w, "open charging session");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.ISO_8859_1)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Cannot store the open session {} in {}; a restart would not resume it", s.sessionId, file, e);
        }
    }

    Optional<Stored> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            String limit = p.getProperty("lastCioLimitA");
            return Optional.of(new Stored(p.getProperty("sessionId"),
                    new UserIdentification(UserIdentification.Type.valueOf(p.getProperty("userType")),
                            p.getProperty("userToken")),
                    Instant.parse(p.getProperty("startTime")), Double.parseDouble(p.getProperty("startEnergyWh")),
                    limit == null ? null : Double.valueOf(limit)));
        } catch (IOException | RuntimeException e) {
            LOG.error("The stored open session {} is unreadable and is ignored", file, e);
            return Optional.empty();
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.error("Cannot delete the stored session {}", file, e);
        }
    }
}

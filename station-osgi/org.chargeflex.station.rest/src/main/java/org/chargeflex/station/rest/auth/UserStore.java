package org.chargeflex.station.rest.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users file as currently on disk. {@link #current()} looks at the file's modification time, size and identity
 * at most once per {@link #CHECK_INTERVAL_MILLIS} and reloads it when they changed. Fails closed: a missing, empty or
 * invalid file means no users, so every request is refused until it is fixed; the reason is logged once per change.
 */
public final class UserStore {
    public static final long CHECK_INTERVAL_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);

    private record Stamp(FileTime modified, long size, Object fileKey) {
    }

    private final Path file;
    private final LongSupplier clockMillis;
    private final AtomicLong nextCheck = new AtomicLong();
    private final Object reloadLock = new Object();
    private long generation;
    private Stamp stamp;
    private volatile Users users;

    public UserStore(Path file) {
        this(file, System::currentTimeMillis);
    }

    /** With a clock for tests; {@code clockMillis} must be monotonic enough for the once-per-second check. */
    UserStore(Path file, LongSupplier clockMillis) {
        this.file = Objects.requireNonNull(file, "file");
        this.clockMillis = clockMillis;
        synchronized (reloadLock) {
            reloadIfChanged(true);
        }
        nextCheck.set(clockMillis.getAsLong() + CHECK_INTERVAL_MILLIS);
    }

    public Path file() {
        return file;
    }

    /** The users as of the last check; checks the file first if the last check is a second old or more. */
    Users current() {
        long now = clockMillis.getAsLong();
        long due = nextCheck.get();
        if (now >= due && nextCheck.compareAndSet(due, now + CHECK_INTERVAL_MILLIS)) {
            synchronized (reloadLock) {
                reloadIfChanged(false);
            }
        }
        return users;
    }

    private void reloadIfChanged(boolean first) {
        Stamp now = stampOf(file);
        if (!first && Objects.equals(now, stamp)) {
            return;
        }
        stamp = now;
        generation++;
        users = new Users(generation, load(now));
        if (!first) {
            LOG.info("Users file {} changed: reloaded", file);
        }
    }

    private UsersFile load(Stamp current) {
        if (current == null) {
            LOG.warn("Users file {} does not exist: every request is refused (401) until it is created, e.g. with "
                    + "'java -cp <rest bundle jar>:<jackson jars> {} add <name> --roles read'", file,
                    UsersCli.class.getName());
            return UsersFile.empty();
        }
        try {
            UsersFile f = UsersFile.read(file);
            if (f.users().isEmpty() && f.tokens().isEmpty()) {
                LOG.warn("Users file {} has no users or tokens: every request is refused (401)", file);
            }
            return f;
        } catch (UsersFileException e) {
            LOG.error("Users file {} is invalid, so every request is refused (401) until it is fixed: {}", file,
                    e.getMessage());
        } catch (IOException e) {
            LOG.error("Users file {} cannot be read, so every request is refused (401): {}", file, e.toString());
        }
        return UsersFile.empty();
    }

    private static Stamp stampOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.error("Cannot look at users file {}: {}", file, e.toString());
            return null;
        }
    }
}

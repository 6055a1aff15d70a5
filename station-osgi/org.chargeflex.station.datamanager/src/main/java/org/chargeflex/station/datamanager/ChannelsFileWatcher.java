package org.chargeflex.station.datamanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the channels file's modification time, size and identity. A change is reported once the file has looked the
 * same for one whole poll interval, so a file still being written is not read half-way.
 */
final class ChannelsFileWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelsFileWatcher.class);

    private final ScheduledExecutorService scheduler;
    private final Runnable onChange;
    private Path file;
    private ScheduledFuture<?> task;
    private Stamp applied;
    private Stamp lastSeen;

    ChannelsFileWatcher(ScheduledExecutorService scheduler, Runnable onChange) {
        this.scheduler = scheduler;
        this.onChange = onChange;
    }

    /** Starts watching; the file as it is now counts as already read (call before reading it). */
    synchronized void start(Path watched, long pollMillis) {
        stop();
        file = watched;
        applied = Stamp.of(watched);
        lastSeen = applied;
        if (pollMillis > 0) {
            task = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void poll() {
        try {
            boolean changed;
            synchronized (this) {
                if (task == null) {
                    return;
                }
                Stamp now = Stamp.of(file);
                changed = !now.equals(applied) && now.equals(lastSeen);
                lastSeen = now;
                if (changed) {
                    applied = now;
                }
            }
            if (changed) {
                onChange.run();
            }
        } catch (RuntimeException e) {
            // never let an exception end the fixed-delay schedule
            LOG.error("Checking the channels file {} failed", file, e);
        }
    }

    /** What tells one version of the file from another. */
    private record Stamp(boolean exists, FileTime modified, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(false, null, -1, null);

        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(true, a.lastModifiedTime(), a.size(), a.fileKey());
            } catch (NoSuchFileException e) {
                return MISSING;
            } catch (IOException e) {
                LOG.warn("Cannot read the attributes of {}: {}", file, e.toString());
                return MISSING;
            }
        }
    }
}

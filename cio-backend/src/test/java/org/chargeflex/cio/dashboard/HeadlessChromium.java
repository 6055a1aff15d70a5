package org.chargeflex.cio.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode: dumps a page's DOM and takes a screenshot once the page's scripts have run
 * (virtual time budget: the page's fetches finish before the capture).
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;
    private static final int VIRTUAL_TIME_BUDGET_MS = 10_000;

    private final Path workDirectory;

    HeadlessChromium(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Opens the page in a window of the given size, writes a PNG screenshot of it and returns its DOM, both taken after
     * the page's scripts ran.
     */
    String capture(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        Path dom = workDirectory.resolve("dom.html");
        run(List.of("--dump-dom", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url), dom);
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot; its log: "
                    + Files.readString(workDirectory.resolve("chromium.log")));
        }
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    private void run(List<String> arguments, Path stdout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--lang=en-US",
                "--user-data-dir=" + workDirectory.resolve("profile").toAbsolutePath(),
                "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(workDirectory.resolve("chromium.log").toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + process.exitValue() + "; its log: "
                    + Files.readString(workDirectory.resolve("chromium.log")));
        }
    }
}

package org.chargeflex.station.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.itest.InstallCommands.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built Debian package (jdeb): its control data (architecture, Java 17 dependency, conffiles, maintainer
 * scripts), its file list (modes, owners, links), then unpacked with {@code dpkg-deb -x} into a temporary root and
 * started from there the way its systemd unit starts it, after the first-start step (a REST user).
 */
class DebPackageIT {
    static final String PASSWORD = "deb-it-secret-97531";

    @TempDir
    Path tmp;

    @Test
    void thePackageHoldsTheTarballsFilesAndTheFirmwareStartsFromItsLayout() throws Exception {
        Path deb = Paths.get(System.getProperty("station.deb"));
        assertThat(deb).isRegularFile();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is not installed (apt-get install dpkg)");

        String info = run(List.of("dpkg-deb", "-I", deb.toString()), null, tmp.resolve("info.out"));
        assertThat(info).contains("Package: chargeflex-station", "Architecture: all", "Depends: java17-runtime-headless");
        String conffiles = run(List.of("dpkg-deb", "-I", deb.toString(), "conffiles"), null, tmp.resolve("conffiles.out"));
        assertThat(conffiles.lines()).contains("/etc/chargeflex-station/framework.properties",
                "/etc/chargeflex-station/logback.xml", "/etc/chargeflex-station/org.chargeflex.station.cioclient.cfg");
        assertThat(conffiles).doesNotContain("users.json");
        String postinst = run(List.of("dpkg-deb", "-I", deb.toString(), "postinst"), null, tmp.resolve("postinst.out"));
        assertThat(postinst).contains("adduser --system", "chargeflex", "no default password");

        String contents = run(List.of("dpkg-deb", "-c", deb.toString()), null, tmp.resolve("contents.out"));
        assertThat(contents.lines().filter(l -> l.endsWith("./opt/chargeflex-station/bin/chargeflex-station")))
                .singleElement().asString().startsWith("-rwxr-xr-x root/root");
        assertThat(contents).contains("./opt/chargeflex-station/lib/org.chargeflex.station.launcher.jar",
                "./opt/chargeflex-station/bundle/org.chargeflex.station.charging.jar",
                "./lib/systemd/system/chargeflex-station.service",
                "./var/lib/chargeflex-station/bin -> ../../../opt/chargeflex-station/bin",
                "./var/lib/chargeflex-station/conf -> ../../../etc/chargeflex-station",
                "./var/lib/chargeflex-station/data/", "./var/lib/chargeflex-station/log/");
        assertThat(contents).doesNotContain("users.json", "felix-cache", "station.log");

        Path root = Files.createDirectories(tmp.resolve("root"));
        run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), null, tmp.resolve("extract.out"));
        Path home = root.resolve("var/lib/chargeflex-station");
        assertThat(home.resolve("conf/framework.properties")).isRegularFile();
        assertThat(home.resolve("bundle/org.chargeflex.station.rest.jar")).isRegularFile();
        Path unit = root.resolve("lib/systemd/system/chargeflex-station.service");
        String execStart = Files.readAllLines(unit).stream().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseThrow().substring("ExecStart=".length()).trim();
        Path script = root.resolve(execStart.substring(1));
        assertThat(Files.isExecutable(script)).as(script.toString()).isTrue();

        // first start: no user exists, so nothing is reachable without the operator creating one
        assertThat(home.resolve("conf/users.json")).doesNotExist();
        run(List.of(home.resolve("bin/station-users").toString(), "add", "installer", "--roles", "admin"),
                PASSWORD + "\n", tmp.resolve("users.out"));
        assertThat(root.resolve("etc/chargeflex-station/users.json")).isRegularFile();

        try (InstalledStation station = InstalledStation.start(script, home, tmp.resolve("station.out"))) {
            station.awaitRest("installer", PASSWORD);
            assertThat(station.status(null)).isEqualTo(401);
            assertThat(home.resolve("log/station.log")).isRegularFile();
        }
    }
}

package org.chargeflex.station.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.itest.InstallCommands.run;
import static org.chargeflex.station.itest.TestStation.basic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built tarball unpacked and installed with bin/install-station into a temporary root, then started the way the
 * systemd unit starts it: the unit's ExecStart script, with the installed home.
 */
class TarballInstallIT {
    static final String PASSWORD = "install-it-secret-2468";

    @TempDir
    Path tmp;

    @Test
    void installsTheTarballAndStartsTheFirmwareFromTheInstalledLayout() throws Exception {
        Path tarball = Paths.get(System.getProperty("station.tarball"));
        assertThat(tarball).isRegularFile();
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        Path root = Files.createDirectories(tmp.resolve("root"));

        run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), null, tmp.resolve("tar.out"));
        Path dist = unpacked.resolve("chargeflex-station");
        String installOut = run(List.of(dist.resolve("bin/install-station").toString(), "--root", root.toString()),
                null, tmp.resolve("install.out"));
        assertThat(installOut).contains("no default password").contains("bin/station-users add");

        // layout
        Path unit = root.resolve("etc/systemd/system/chargeflex-station.service");
        assertThat(unit).isRegularFile();
        assertThat(root.resolve("etc/chargeflex-station/framework.properties")).isRegularFile();
        assertThat(root.resolve("opt/chargeflex-station/lib/org.chargeflex.station.launcher.jar")).isRegularFile();
        Path home = root.resolve("var/lib/chargeflex-station");
        assertThat(home.resolve("conf/framework.properties")).isRegularFile();
        assertThat(home.resolve("bundle")).isDirectory();
        for (String link : List.of("bin", "bundle", "lib", "conf")) {
            assertThat(Files.isSymbolicLink(home.resolve(link))).as(link).isTrue();
        }
        for (String dir : List.of("data", "log")) {
            assertThat(home.resolve(dir)).isDirectory();
            assertThat(Files.isSymbolicLink(home.resolve(dir))).as(dir).isFalse();
        }
        assertThat(home.resolve("conf/users.json")).doesNotExist();

        List<String> unitLines = Files.readAllLines(unit);
        String execStart = unitLines.stream().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseThrow().substring("ExecStart=".length()).trim();
        assertThat(unitLines).contains("User=chargeflex", "Type=simple", "Restart=on-failure",
                "Environment=MALLOC_ARENA_MAX=2", "WorkingDirectory=/var/lib/chargeflex-station");
        Path script = root.resolve(execStart.substring(1));
        assertThat(Files.isExecutable(script)).as(script.toString()).isTrue();

        // a second install keeps the operator's configuration
        Files.writeString(root.resolve("etc/chargeflex-station/framework.properties"), "# operator's edit\n",
                StandardOpenOption.APPEND);
        run(List.of(dist.resolve("bin/install-station").toString(), "--root", root.toString()), null,
                tmp.resolve("install2.out"));
        assertThat(Files.readString(root.resolve("etc/chargeflex-station/framework.properties")))
                .endsWith("# operator's edit\n");

        // first start: a user, created with the installed station-users (password on stdin)
        run(List.of(home.resolve("bin/station-users").toString(), "add", "installer", "--roles", "admin"),
                PASSWORD + "\n", tmp.resolve("users.out"));
        assertThat(root.resolve("etc/chargeflex-station/users.json")).isRegularFile();

        // the installation made the class data sharing archive (a training start), and the first start maps it
        // instead of making it anew: the script would replace an archive that does not fit this home, jars or JDK
        Path archive = home.resolve("data/cds/station.jsa");
        assertThat(archive).isRegularFile();
        assertThat(home.resolve("data/cds/station.jsa.stamp")).isRegularFile();
        assertThat(installOut).contains("Class data sharing archive written");
        java.nio.file.attribute.FileTime archiveTime = Files.getLastModifiedTime(archive);
        try (InstalledStation station = InstalledStation.start(script, home, tmp.resolve("station.out"))) {
            station.awaitRest("installer", PASSWORD);
            assertThat(station.status(null)).isEqualTo(401);
            assertThat(station.status(basic("installer", "wrong-password-1234"))).isEqualTo(401);
            assertThat(home.resolve("data/felix-cache")).isDirectory();
            assertThat(home.resolve("log/station.log")).isRegularFile();
        }
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(archiveTime);
        assertThat(Files.readString(tmp.resolve("station.out"))).doesNotContain("[cds]");
    }
}

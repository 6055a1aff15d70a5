package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Path F = Path.of("/tmp/c.json");
    private static final Path H = Path.of("/tmp/h");

    @Test
    void relativePathsResolveAgainstHomeElseTheWorkingDirectory() {
        assertThat(Settings.resolve("conf/channels.json", "/opt/chargeflex"))
                .isEqualTo(Path.of("/opt/chargeflex/conf/channels.json"));
        assertThat(Settings.resolve("/etc/channels.json", "/opt/chargeflex")).isEqualTo(Path.of("/etc/channels.json"));
        assertThat(Settings.resolve("data/history", null))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("data/history"));
        assertThatThrownBy(() -> Settings.resolve(" ", null)).hasMessageContaining("must not be empty");
    }

    @Test
    void outOfRangeSettingsAreNamed() {
        assertThatThrownBy(() -> new Settings(F, H, 1, 0, 1, 1, 1)).hasMessageContaining("historyMaxRecords");
        assertThatThrownBy(() -> new Settings(F, H, 0, -1, 1, 1, 1)).hasMessageContaining("channelsFilePollMillis");
        assertThatThrownBy(() -> new Settings(F, H, 0, 0, 0, 1, 1)).hasMessageContaining("driverTimeoutMillis");
        assertThatThrownBy(() -> new Settings(F, H, 0, 0, 1, 0, 1)).hasMessageContaining("reconnectMinMillis");
        assertThatThrownBy(() -> new Settings(F, H, 0, 0, 1, 10, 5)).hasMessageContaining("reconnectMaxMillis");
        assertThat(new Settings(F, H, 0, 0, 1, 1, 1).timing().driverTimeoutMillis()).isEqualTo(1);
    }
}

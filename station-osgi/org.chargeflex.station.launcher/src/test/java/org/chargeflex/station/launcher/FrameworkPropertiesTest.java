package org.chargeflex.station.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkPropertiesTest {

    @Test
    void substitutesHomeAndOtherPropertiesAndAppliesOverrides(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/framework.properties"), """
                data.dir=${chargeflex.home}/data
                org.osgi.framework.storage=${data.dir}/felix-cache
                org.osgi.service.http.port=8080
                """);
        Map<String, String> props = FrameworkProperties.load(home, Map.of("org.osgi.service.http.port", "0"));
        assertThat(props.get("org.osgi.framework.storage"))
                .isEqualTo(home.toAbsolutePath() + "/data/felix-cache");
        assertThat(props.get("org.osgi.service.http.port")).isEqualTo("0");
    }

    @Test
    void unknownPlaceholderIsAClearError(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/framework.properties"), "a=${no.such.thing}\n");
        assertThatThrownBy(() -> FrameworkProperties.load(home, Map.of()))
                .hasMessageContaining("${no.such.thing}");
    }
}

package org.chargeflex.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the demo finds the gateway's runnable jar on a fresh clone after {@code mvn install}. */
class GatewayProcessTest {
    private final String dir = System.getProperty("gateway.dir");
    private final String m2 = System.getProperty("gateway.m2");

    @AfterEach
    void restore() {
        restore("gateway.dir", dir);
        restore("gateway.m2", m2);
    }

    @Test
    void theModulesBuildFolderFirstThenTheLocalMavenRepository(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("target"));
        Path repo = Files.createDirectories(tmp.resolve("m2"));
        Files.writeString(target.resolve("gateway-app-1.0.jar"), "not the runnable one");
        Files.writeString(repo.resolve("gateway-app-1.0-runnable.jar"), "installed");
        System.setProperty("gateway.dir", target.toString());
        System.setProperty("gateway.m2", repo.toString());
        assertThat(GatewayProcess.findJar()).contains(repo.resolve("gateway-app-1.0-runnable.jar"));

        Files.writeString(target.resolve("gateway-app-1.0-runnable.jar"), "built");
        assertThat(GatewayProcess.findJar()).contains(target.resolve("gateway-app-1.0-runnable.jar"));

        System.setProperty("gateway.dir", tmp.resolve("not-built").toString());
        System.setProperty("gateway.m2", tmp.resolve("not-installed").toString());
        assertThat(GatewayProcess.findJar()).isEmpty();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}

package org.chargeflex.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: usage and configuration problems end with exit code 2 and a readable list. */
class MainTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutAConfigFileItPrintsTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar");
        assertThat(run("--cio.password=secret")).as("no credentials on the command line").isEqualTo(2);
    }

    @Test
    void aRefusedConfigurationListsEveryProblem() throws Exception {
        Path f = Files.writeString(dir.resolve("gateway.properties"), "cio.baseUrl=https://cio.example\n");
        assertThat(run(f.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is refused:")
                .contains("  - cio.username is required").contains("  - scada.allowedClients is required");
    }
}

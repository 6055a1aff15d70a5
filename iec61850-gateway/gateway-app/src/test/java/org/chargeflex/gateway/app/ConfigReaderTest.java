package org.chargeflex.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's configuration file: defaults where safe, every problem named, no default credential. */
class ConfigReaderTest {
    @TempDir
    Path dir;

    final ConfigReader reader = new ConfigReader(Map.of("GW_PW", "s3cret-from-env")::get);

    @Test
    void aPropertiesFileWithThePasswordInAFile() throws Exception {
        Files.writeString(dir.resolve("cio.pw"), "s3cret\n");
        Path f = write("gateway.properties", """
                cio.baseUrl=https://cio.example:8443
                cio.username=dno-gateway
                cio.passwordFile=cio.pw
                scada.allowedClients=10.0.0.5, 10.0.0.6
                iec104.stationBlocks.ST-1=3
                iec104.gcpBlocks.GCP-1=900
                pollIntervalMillis=1000
                """);
        GatewayConfig c = reader.read(f);
        assertThat(c.cioUsername()).isEqualTo("dno-gateway");
        assertThat(new String(c.cioPassword())).isEqualTo("s3cret");
        assertThat(c.allowedClients()).containsExactlyInAnyOrder(InetAddress.getByName("10.0.0.5"),
                InetAddress.getByName("10.0.0.6"));
        assertThat(c.stationBlocks()).containsEntry("ST-1", 3);
        assertThat(c.gcpBlocks()).containsEntry("GCP-1", 900);
        assertThat(c.mmsPort()).isEqualTo(102);
        assertThat(c.iec104Port()).isEqualTo(2404);
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void aJsonFileWithThePasswordInAnEnvironmentVariable() throws Exception {
        Path f = write("gateway.json", """
                {"cio":{"baseUrl":"https://cio.example","username":"dno","passwordEnv":"GW_PW"},
                 "iec61850":{"port":10102},"iec104":{"port":12404,"stationBlocks":{"ST-2":2}},
                 "scada":{"allowedClients":["192.168.1.10"]}}""");
        GatewayConfig c = reader.read(f);
        assertThat(new String(c.cioPassword())).isEqualTo("s3cret-from-env");
        assertThat(c.mmsPort()).isEqualTo(10102);
        assertThat(c.stationBlocks()).containsEntry("ST-2", 2);
    }

    @Test
    void everyProblemIsNamedAndThereIsNoDefaultPasswordOrAllowList() throws Exception {
        Path f = write("gateway.properties", """
                cio.baseUrl=http://cio.example
                iec61850.port=70000
                iec104.port=abc
                scada.allowedClients=0.0.0.0, scada.example
                iec104.stationBlocks.ST-1=4
                iec104.gcpBlocks.GCP-1=4
                typo=1
                """);
        assertThatThrownBy(() -> reader.read(f)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anyMatch(p -> p.contains("plain http"))
                        .anyMatch(p -> p.startsWith("cio.username is required"))
                        .anyMatch(p -> p.contains("exactly one of cio.passwordFile and cio.passwordEnv"))
                        .anyMatch(p -> p.contains("iec61850.port must be 1..65535"))
                        .anyMatch(p -> p.contains("iec104.port must be a whole number"))
                        .anyMatch(p -> p.contains("wildcard"))
                        .anyMatch(p -> p.contains("'scada.example' is not an IP address"))
                        .anyMatch(p -> p.contains("IEC 104 address blocks must be distinct"))
                        .anyMatch(p -> p.contains("unknown key 'typo'")));
    }

    @Test
    void aMissingAllowListOrEmptyPasswordOrUnsetVariableIsRefused() throws Exception {
        Files.writeString(dir.resolve("empty.pw"), "\n");
        assertThatThrownBy(() -> reader.read(write("a.properties", """
                cio.baseUrl=https://cio.example
                cio.username=dno
                cio.passwordFile=empty.pw
                """))).satisfies(e -> assertThat(((ConfigException) e).problems())
                        .anyMatch(p -> p.startsWith("scada.allowedClients is required"))
                        .anyMatch(p -> p.contains("password (cio.passwordFile) is empty")));
        assertThatThrownBy(() -> reader.read(write("b.properties", """
                cio.baseUrl=https://cio.example
                cio.username=dno
                cio.passwordEnv=NOT_SET_ANYWHERE
                scada.allowedClients=10.0.0.5
                """))).hasMessageContaining("NOT_SET_ANYWHERE (cio.passwordEnv) is not set");
    }

    @Test
    void malformedFilesAreRefusedWithTheirName() throws Exception {
        Path f = write("gateway.json", "{\"cio\": ");
        assertThatThrownBy(() -> reader.read(f)).hasMessageContaining("gateway.json is not valid JSON");
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.properties")))
                .hasMessageContaining("cannot read the configuration file");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}

package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.datamanager.ChannelsJson.channel;
import static org.chargeflex.station.datamanager.ChannelsJson.device;
import static org.chargeflex.station.datamanager.ChannelsJson.driver;
import static org.chargeflex.station.datamanager.ChannelsJson.root;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component driven as SCR would: bind, activate, modify, unbind, deactivate. */
class DataManagerImplTest {
    @TempDir
    Path home;
    private String previousHome;

    @BeforeEach
    void setHome() {
        previousHome = System.getProperty(Settings.HOME_PROPERTY);
        System.setProperty(Settings.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(Settings.HOME_PROPERTY);
        } else {
            System.setProperty(Settings.HOME_PROPERTY, previousHome);
        }
    }

    /** The defaults of {@link Config} except for short intervals. */
    private static Config config(long driverTimeoutMillis) {
        return new Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Config.class;
            }

            @Override
            public String channelsFile() {
                return "conf/channels.json";
            }

            @Override
            public String historyDirectory() {
                return "data/history";
            }

            @Override
            public int historyMaxRecords() {
                return 10000;
            }

            @Override
            public long channelsFilePollMillis() {
                return 20;
            }

            @Override
            public long driverTimeoutMillis() {
                return driverTimeoutMillis;
            }

            @Override
            public long reconnectMinMillis() {
                return 20;
            }

            @Override
            public long reconnectMaxMillis() {
                return 200;
            }
        };
    }

    @Test
    void runsTheDataManagerOnTheStationHome() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/channels.json"), root(driver("fake", device("dev",
                channel("outlet1/power", "p", "DOUBLE", "\"samplingIntervalMillis\": 20")))));
        RecordingDriver fake = new RecordingDriver("fake");
        fake.set("p", Value.of(11.0));
        DataManagerImpl component = new DataManagerImpl();
        component.addDriver(fake); // SCR binds before it activates

        component.start(home.toString(), config(5000));
        try {
            assertThat(component.getAllLabels()).containsExactly("outlet1/power");
            Channel power = component.getChannel("outlet1/power").orElseThrow();
            Await.until("sampled", () -> power.getLatestRecord().isValid());
            Await.until("history under chargeflex.home", () -> Files.exists(home.resolve("data/history")));

            component.modified(config(0)); // invalid: rejected, previous settings stay
            component.modified(config(1000));
            assertThat(component.getChannel("outlet1/power")).containsSame(power);

            component.removeDriver(fake);
            assertThat(power.getLatestRecord().getFlag()).isEqualTo(Flag.DRIVER_UNAVAILABLE);
            component.addDriver(fake);
            Await.until("sampled again", () -> power.getLatestRecord().isValid());
        } finally {
            component.deactivate();
        }
        assertThat(component.getAllLabels()).isEmpty();
        assertThat(component.getChannel("outlet1/power")).isEmpty();
        assertThat(fake.closeCount()).isEqualTo(fake.connectCount());
    }

    @Test
    void startsWithoutAChannelsFileAndLoadsItWhenItAppears() throws Exception {
        DataManagerImpl component = new DataManagerImpl();
        component.start(home.toString(), config(5000));
        try {
            assertThat(component.getAllLabels()).isEmpty();
            Files.createDirectories(home.resolve("conf"));
            Files.writeString(home.resolve("conf/channels.json"),
                    root(driver("fake", device("dev", channel("x", "x", "LONG", "")))));
            Await.until("file picked up", () -> component.getAllLabels().contains("x"));
            assertThat(component.getChannel("x").orElseThrow().getLatestRecord().getFlag())
                    .isEqualTo(Flag.DRIVER_UNAVAILABLE);
        } finally {
            component.deactivate();
        }
    }

    /** A Config as SCR makes it when no configuration exists: every attribute at its annotation default. */
    private static Config annotationDefaults() {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> method.getName().equals("annotationType") ? Config.class
                        : method.getDefaultValue());
    }

    @Test
    void theMetatypeDefaultsAreTheDocumentedOnes() {
        Settings s = DataManagerImpl.settings(annotationDefaults(), home.toString());

        assertThat(s).isEqualTo(Settings.defaults(home.toString()));
        assertThat(s.channelsFile()).isEqualTo(home.resolve("conf/channels.json"));
        assertThat(s.historyDirectory()).isEqualTo(home.resolve("data/history"));
        assertThat(s.historyMaxRecords()).isEqualTo(10000);
        assertThat(s.channelsFilePollMillis()).isEqualTo(2000);
        assertThat(s.timing()).isEqualTo(new org.chargeflex.station.datamanager.routing.DeviceTiming(5000, 1000,
                60000));
    }

    @Test
    void anInvalidConfigurationAtStartFallsBackToTheDefaults() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/channels.json"),
                root(driver("fake", device("dev", channel("x", "x", "LONG", "")))));
        DataManagerImpl component = new DataManagerImpl();
        component.start(home.toString(), config(0));
        try {
            assertThat(component.getAllLabels()).containsExactly("x");
        } finally {
            component.deactivate();
        }
    }
}

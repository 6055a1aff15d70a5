package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.datamanager.ChannelsJson.channel;
import static org.chargeflex.station.datamanager.ChannelsJson.device;
import static org.chargeflex.station.datamanager.ChannelsJson.driver;
import static org.chargeflex.station.datamanager.ChannelsJson.root;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes of the channels file at run time, applied as a diff; invalid files rejected whole. */
class ReloadTest {
    private static final String A = channel("a", "a", "LONG", "\"samplingIntervalMillis\": 20");
    private static final String B = channel("b", "b", "LONG", "\"samplingIntervalMillis\": 20");
    private static final String C = channel("c", "c", "LONG", "\"writable\": true");
    private static final String E = channel("e", "e", "LONG", "\"samplingIntervalMillis\": 20");

    @TempDir
    Path dir;
    private Station station;
    private final RecordingDriver one = new RecordingDriver("one");
    private final RecordingDriver two = new RecordingDriver("two");

    @BeforeEach
    void start() {
        for (String r : new String[] {"a", "b", "c", "f"}) {
            one.set(r, Value.of((long) r.charAt(0)));
        }
        two.set("e", Value.of(5L));
        station = new Station(dir, root(driver("one", device("d1", A, B, C)), driver("two", device("d2", E))));
        station.drivers.add(one);
        station.drivers.add(two);
        station.start();
        Await.until("all sampled channels valid", () -> station.channel("a").getLatestRecord().isValid()
                && station.channel("b").getLatestRecord().isValid() && station.channel("e").getLatestRecord().isValid());
    }

    @AfterEach
    void close() {
        station.close();
    }

    @Test
    void aChangedFileIsPickedUpAndAppliedAsADiff() {
        Channel a = station.channel("a");
        Channel b = station.channel("b");
        Channel c = station.channel("c");
        RecordLog aLog = new RecordLog();
        RecordLog bLog = new RecordLog();
        a.addListener(aLog);
        b.addListener(bLog);
        assertThat(c.write(Value.of(42L))).isEqualTo(Flag.VALID);
        Await.until("a few records of a", () -> aLog.size() >= 2);
        int historyBefore = a.getHistory(0, Long.MAX_VALUE).size();

        String changedC = channel("c", "c", "LONG", "\"writable\": true, \"description\": \"set-point\"");
        String newF = channel("f", "f", "LONG", "\"samplingIntervalMillis\": 20");
        station.writeChannels(root(driver("one", device("d1", A, changedC, newF)), driver("two", device("d2", E))));

        Await.until("new configuration", () -> station.dm().getChannel("f").isPresent());
        assertThat(station.dm().getAllLabels()).containsExactly("a", "c", "e", "f");
        // removed: a final record, then gone
        Await.until("b's final record", () -> bLog.last() != null && bLog.last().getFlag() == Flag.CHANNEL_DELETED);
        assertThat(b.getLatestRecord().getFlag()).isEqualTo(Flag.CHANNEL_DELETED);
        assertThat(b.read().getFlag()).isEqualTo(Flag.CHANNEL_DELETED);
        assertThat(b.getHistory(0, Long.MAX_VALUE)).last().extracting(Record::getFlag).isEqualTo(Flag.CHANNEL_DELETED);
        // kept: same object, listeners, latest record and history
        assertThat(station.channel("a")).isSameAs(a);
        int aRecords = aLog.size();
        Await.until("a still sampled for its listener", () -> aLog.size() >= aRecords + 3);
        assertThat(a.getHistory(0, Long.MAX_VALUE).size()).isGreaterThan(historyBefore);
        // changed: new description, its written value kept
        assertThat(station.channel("c").getDescription()).isEqualTo("set-point");
        assertThat(station.channel("c").getLatestRecord().getValue()).isEqualTo(Value.of(42L));
        // new: sampled
        Await.until("f sampled", () -> station.channel("f").getLatestRecord().isValid());
        assertThat(station.channel("f").getLatestRecord().getValue()).isEqualTo(Value.of((long) 'f'));
        // the changed device reconnected, the unchanged one did not
        assertThat(one.connectCount()).isEqualTo(2);
        assertThat(one.closeCount()).isEqualTo(1);
        assertThat(two.connectCount()).isEqualTo(1);
    }

    @Test
    void anInvalidFileIsRejectedWholeAndTheOldConfigurationStays() throws Exception {
        Channel a = station.channel("a");
        RecordLog log = new RecordLog();
        a.addListener(log);
        station.writeChannels(root(driver("one", device("d1", A,
                channel("g", "g", "LONG", "\"samplingIntervalMillis\": -1")))));

        assertThat(station.dm().reload()).isFalse();

        assertThat(station.dm().getAllLabels()).containsExactly("a", "b", "c", "e");
        assertThat(station.channel("a")).isSameAs(a);
        Await.until("still sampled", () -> log.size() >= 3);
        assertThat(log.flags()).containsOnly(Flag.VALID);
        assertThat(one.connectCount()).isEqualTo(1);

        Files.writeString(station.channelsFile, "{ not json");
        assertThat(station.dm().reload()).isFalse();
        Files.delete(station.channelsFile);
        assertThat(station.dm().reload()).isFalse();
        assertThat(station.dm().getAllLabels()).containsExactly("a", "b", "c", "e");
    }

    @Test
    void aNewValueTypeStartsTheChannelAfresh() {
        station.writeChannels(root(driver("one", device("d1", A, B, channel("c", "c", "DOUBLE", "\"writable\": true"))),
                driver("two", device("d2", E))));
        assertThat(station.channel("c").write(Value.of(1L))).isEqualTo(Flag.VALID);
        assertThat(station.dm().reload()).isTrue();

        assertThat(station.channel("c").getLatestRecord().getFlag()).isEqualTo(Flag.NO_VALUE_RECEIVED_YET);
        assertThat(station.channel("c").write(Value.of(2L))).isEqualTo(Flag.VALID);
        assertThat(station.channel("c").getLatestRecord().getValue()).isEqualTo(Value.of(2.0));
    }

    @Test
    void aChannelCanMoveToAnotherDevice() {
        Channel a = station.channel("a");
        two.set("a2", Value.of(99L));
        station.writeChannels(root(driver("one", device("d1", B, C)),
                driver("two", device("d2", E, channel("a", "a2", "LONG", "\"samplingIntervalMillis\": 20")))));
        assertThat(station.dm().reload()).isTrue();

        assertThat(station.channel("a")).isSameAs(a);
        assertThat(a.getDriverId()).isEqualTo("two");
        Await.until("a read from its new device", () -> Value.of(99L).equals(a.getLatestRecord().getValue()));
    }

    @Test
    void newSettingsApplyWithoutLosingChannels() throws Exception {
        Channel a = station.channel("a");
        Path otherFile = dir.resolve("other.json");
        Files.writeString(otherFile, root(driver("one", device("d1", A))));
        Settings s = station.settings();

        station.dm().updateSettings(new Settings(otherFile, dir.resolve("history2"), 50, 20, 300, 20, 200));

        assertThat(station.dm().getAllLabels()).containsExactly("a");
        assertThat(station.channel("a")).isSameAs(a);
        Await.until("history in the new directory", () -> Files.exists(dir.resolve("history2"))
                && a.getHistory(0, Long.MAX_VALUE).size() >= 2);
        assertThat(s.channelsFile()).isNotEqualTo(otherFile);
    }

    @Test
    void historySurvivesARestart() {
        Channel c = station.channel("c");
        for (long v = 1; v <= 3; v++) {
            assertThat(c.write(Value.of(v))).isEqualTo(Flag.VALID);
        }

        station.restart();

        Channel again = station.channel("c");
        assertThat(again).isNotSameAs(c);
        assertThat(again.getHistory(0, Long.MAX_VALUE)).extracting(Record::getValue)
                .containsExactly(Value.of(1L), Value.of(2L), Value.of(3L));
        assertThat(again.getLatestRecord().getFlag()).isEqualTo(Flag.NO_VALUE_RECEIVED_YET);
    }

    @Test
    void historyIsBoundedPerChannel() {
        station.writeChannels(root(driver("one", device("d1", A, B,
                channel("c", "c", "LONG", "\"writable\": true, \"historyMaxRecords\": 4"))),
                driver("two", device("d2", E))));
        assertThat(station.dm().reload()).isTrue();
        Channel c = station.channel("c");
        for (long v = 1; v <= 9; v++) {
            assertThat(c.write(Value.of(v))).isEqualTo(Flag.VALID);
        }
        assertThat(c.getHistory(0, Long.MAX_VALUE)).hasSizeLessThanOrEqualTo(4).extracting(Record::getValue)
                .endsWith(Value.of(8L), Value.of(9L));
    }
}

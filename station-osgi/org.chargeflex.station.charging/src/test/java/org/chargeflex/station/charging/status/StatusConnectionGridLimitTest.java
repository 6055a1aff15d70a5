package org.chargeflex.station.charging.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.RecordsReceivedListener;
import org.chargeflex.station.charging.GridLimit;
import org.junit.jupiter.api.Test;

/** The {@code charging} driver's writable grid limit on the device {@code station}. */
class StatusConnectionGridLimitTest {
    final StatusBoard board = new StatusBoard(() -> 1_000L);
    final TestGridLimit grid = new TestGridLimit();

    @Test
    void writingTheGridLimitSetsItAndListenersSeeTheNewValue() throws Exception {
        StatusConnection station = new StatusConnection(board, "station", grid);
        ChannelRecordContainer listened = new ChannelRecordContainer("grid/limit_w", ValueType.DOUBLE, Map.of());
        List<Double> pushed = new ArrayList<>();
        station.startListening(List.of(listened), new RecordsReceivedListener() {
            @Override
            public void newRecords(List<ChannelRecordContainer> records) {
                records.forEach(r -> pushed.add(r.getRecord().getValue().asDouble()));
            }

            @Override
            public void connectionInterrupted(Connection connection, ConnectionException cause) {
                throw new AssertionError("not expected", cause);
            }
        });
        StatusConnection.publishGridLimit(board, grid);

        ChannelValueContainer write = new ChannelValueContainer("grid/limit_w", Map.of(), Value.of(6_900.0));
        station.write(List.of(write));

        assertThat(write.getFlag()).isEqualTo(Flag.VALID);
        assertThat(grid.limit).isEqualTo(6_900);
        assertThat(pushed).containsExactly(-1.0, 6_900.0);
        ChannelRecordContainer read = new ChannelRecordContainer("grid/limit_w", ValueType.DOUBLE, Map.of());
        station.read(List.of(read));
        assertThat(read.getRecord().getValue().asDouble()).isEqualTo(6_900);
    }

    @Test
    void aRefusedValueKeepsTheLimitAndOtherChannelsStayReadOnly() throws Exception {
        StatusConnection station = new StatusConnection(board, "station", grid);
        ChannelValueContainer bad = new ChannelValueContainer("grid/limit_w", Map.of(), Value.of("x"));
        ChannelValueContainer outbox = new ChannelValueContainer("outbox/pending", Map.of(), Value.of(0L));
        station.write(List.of(bad, outbox));
        assertThat(bad.getFlag()).isEqualTo(Flag.INVALID_VALUE);
        assertThat(outbox.getFlag()).isEqualTo(Flag.ACCESS_DENIED);
        assertThat(grid.limit).isEqualTo(-1);

        ChannelValueContainer onOutlet = new ChannelValueContainer("grid/limit_w", Map.of(), Value.of(1.0));
        new StatusConnection(board, "1", grid).write(List.of(onOutlet));
        assertThat(onOutlet.getFlag()).as("the grid limit is a station channel").isEqualTo(Flag.ACCESS_DENIED);
        assertThat(grid.limit).isEqualTo(-1);
    }

    @Test
    void theScanOffersTheGridLimitAsAWritableDoubleOfTheStation() throws Exception {
        assertThat(new StatusConnection(board, "station", grid).scanForChannels())
                .filteredOn(c -> c.channelAddress().equals("grid/limit_w"))
                .singleElement().satisfies(c -> {
                    assertThat(c.writable()).isTrue();
                    assertThat(c.valueType()).isEqualTo(ValueType.DOUBLE);
                });
    }

    /** Accepts numbers, refuses anything else. */
    static final class TestGridLimit implements GridLimit {
        double limit = -1;

        @Override
        public double limitW() {
            return limit;
        }

        @Override
        public Flag set(Value value) {
            try {
                limit = value.asDouble() < 0 ? -1 : value.asDouble();
                return Flag.VALID;
            } catch (RuntimeException e) {
                return Flag.INVALID_VALUE;
            }
        }

        @Override
        public double share(String outletId, double wantedW, double minimumW) {
            return wantedW;
        }

        @Override
        public void release(String outletId) {
        }
    }
}

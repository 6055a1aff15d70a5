package org.chargeflex.station.driver.m3b;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.RecordsReceivedListener;

/** Keeps every pushed record per channel address and whether the connection was reported broken. */
final class RecordingListener implements RecordsReceivedListener {
    record Pushed(String address, Record record) {
    }

    final List<Pushed> records = new CopyOnWriteArrayList<>();
    final List<ConnectionException> interruptions = new CopyOnWriteArrayList<>();

    @Override
    public void newRecords(List<ChannelRecordContainer> containers) {
        for (ChannelRecordContainer c : containers) {
            records.add(new Pushed(c.getChannelAddress(), c.getRecord()));
        }
    }

    @Override
    public void connectionInterrupted(Connection connection, ConnectionException cause) {
        interruptions.add(cause);
    }

    List<Record> of(String address) {
        return records.stream().filter(p -> p.address().equals(address)).map(Pushed::record).toList();
    }

    boolean received(String address, java.util.function.Predicate<Record> p) {
        return of(address).stream().anyMatch(p);
    }
}

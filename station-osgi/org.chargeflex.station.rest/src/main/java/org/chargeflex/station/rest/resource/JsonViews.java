package org.chargeflex.station.rest.resource;

import java.util.List;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.rest.json.ValueJson;

/** The JSON shapes of the API, as records Jackson writes directly. Timestamps are epoch milliseconds. */
public final class JsonViews {
    private JsonViews() {
    }

    /** {@code {"timestamp":..,"flag":"VALID","value":..}}; value is null when the record has none. */
    public record RecordView(long timestamp, String flag, Object value) {
        public static RecordView of(Record r) {
            return new RecordView(r.getTimestamp(), r.getFlag().name(), ValueJson.toJson(r.getValue()));
        }
    }

    /** One channel with its latest (or freshly read) record. */
    public record ChannelView(String label, String description, String valueType, String unit, boolean writable,
            RecordView record) {
        public static ChannelView of(Channel c, Record r) {
            return new ChannelView(c.getLabel(), c.getDescription(), c.getValueType().name(), c.getUnit(),
                    c.isWritable(), RecordView.of(r));
        }
    }

    /** {@code {"channels":[...]}} sorted by label. */
    public record ChannelListView(List<ChannelView> channels) {
    }

    /** {@code {"label":..,"from":..,"until":..,"records":[...]}} oldest first. */
    public record HistoryView(String label, long from, long until, List<RecordView> records) {
    }

    /** The answer to an accepted write. */
    public record WriteResultView(String label, String flag, boolean accepted) {
    }

    /** An element of the paper's form {@code [{"label":..,"timestamp":..,"flag":..,"value":..}]}. */
    public record PaperRecordView(String label, long timestamp, String flag, Object value) {
        public static PaperRecordView of(String label, Record r) {
            return new PaperRecordView(label, r.getTimestamp(), r.getFlag().name(), ValueJson.toJson(r.getValue()));
        }
    }
}

package org.chargeflex.station.rest.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.rest.json.ValueJson;
import org.chargeflex.station.rest.json.ValueJsonException;
import org.chargeflex.station.rest.problem.Problem;
import org.chargeflex.station.rest.problem.ProblemException;
import org.chargeflex.station.rest.problem.Problems;

/** Reads the body of a write, {@code {"record":{"value":...}}}, into a value of the channel's type, or a 400. */
final class WriteBody {
    /** Bodies larger than this are refused with 413 before parsing. */
    static final int MAX_BYTES = 64 * 1024;
    static final String EXPECTED = "expected {\"record\":{\"value\":...}}";

    private WriteBody() {
    }

    static Value read(InputStream body, ObjectMapper mapper, ValueType type) {
        return parse(readBounded(body), mapper, type);
    }

    static Value parse(byte[] body, ObjectMapper mapper, ValueType type) {
        if (body.length == 0) {
            throw Problems.badRequest("malformed-json", "Malformed JSON", "the request body is empty; " + EXPECTED);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw Problems.badRequest("malformed-json", "Malformed JSON",
                    "the request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problems.badRequest("malformed-json", "Malformed JSON", "the request body cannot be read");
        }
        JsonNode record = root == null ? null : root.get("record");
        if (record == null || !record.isObject() || !record.has("value")) {
            throw Problems.badRequest("missing-value", "Missing value", "record.value is missing; " + EXPECTED);
        }
        JsonNode value = record.get("value");
        if (value.isNull()) {
            throw new ProblemException(Problem.of(400, "missing-value", "Missing value")
                    .detail("record.value is null; a null value cannot be written")
                    .flag(org.chargeflex.station.api.Flag.CANNOT_WRITE_NULL_VALUE));
        }
        try {
            return ValueJson.fromJson(value, type);
        } catch (ValueJsonException e) {
            throw new ProblemException(Problem.of(400, "wrong-value-type", "Wrong value type")
                    .detail(e.getMessage()).with("valueType", type.name()));
        }
    }

    private static byte[] readBounded(InputStream in) {
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                throw new ProblemException(Problem.of(413, "body-too-large", "Request body too large")
                        .detail("a write body may have at most " + MAX_BYTES + " bytes"));
            }
            return b;
        } catch (IOException e) {
            throw Problems.badRequest("malformed-json", "Malformed JSON",
                    "the request body cannot be read: " + e.getMessage());
        }
    }
}

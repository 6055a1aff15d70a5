package org.chargeflex.station.datamanager.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one JSON object of the channels file, checking their JSON types. Every problem is added to
 * the shared list as "{@code <file>: <where>: field '<name>': <problem>}" and a default is returned, so that one pass
 * finds all problems.
 */
final class JsonFields {
    private final JsonNode object;
    private final String source;
    private final String where;
    private final List<String> problems;

    JsonFields(JsonNode object, String source, String where, List<String> problems) {
        this.object = object;
        this.source = source;
        this.where = where;
        this.problems = problems;
    }

    String where() {
        return where;
    }

    void problem(String field, String message) {
        problems.add(source + ": " + where + ": field '" + field + "': " + message);
    }

    boolean has(String field) {
        return object.has(field);
    }

    void rejectUnknown(Set<String> known) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String name = e.getKey();
            if (!known.contains(name)) {
                problem(name, "unknown field (known fields: " + String.join(", ", known) + ")");
            }
        }
    }

    /** A string field; null (after reporting) when it is required and missing or of the wrong type. */
    String text(String field, String defaultValue, boolean required) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problem(field, "is required");
                return null;
            }
            return defaultValue;
        }
        if (!n.isTextual()) {
            problem(field, "must be a string, not " + describe(n));
            return required ? null : defaultValue;
        }
        return n.textValue();
    }

    boolean bool(String field, boolean defaultValue) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            return defaultValue;
        }
        if (!n.isBoolean()) {
            problem(field, "must be true or false, not " + describe(n));
            return defaultValue;
        }
        return n.booleanValue();
    }

    /** A whole number within [min, max]; null when missing or wrong (the latter reported). */
    Long integer(String field, long min, long max, String rangeText) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            problem(field, "must be a whole number, not " + describe(n));
            return null;
        }
        long v = n.longValue();
        if (v < min || v > max) {
            problem(field, v + " is out of range: " + rangeText);
            return null;
        }
        return v;
    }

    /** A finite number; null when missing or wrong (the latter reported). */
    Double number(String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
            problem(field, "must be a finite number, not " + describe(n));
            return null;
        }
        return n.doubleValue();
    }

    /** An object of scalar values (strings, numbers, booleans), each turned into its text. */
    Map<String, String> stringMap(String field) {
        JsonNode n = object.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return map;
        }
        if (!n.isObject()) {
            problem(field, "must be an object of key/value pairs, not " + describe(n));
            return map;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                map.put(e.getKey(), v.asText());
            } else {
                problem(field, "value of '" + e.getKey() + "' must be a string, number or boolean, not "
                        + describe(v));
            }
        }
        return map;
    }

    /** The elements of an array field; empty when missing; reported when not an array or required and missing. */
    List<JsonNode> array(String field, boolean required) {
        JsonNode n = object.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            if (required) {
                problem(field, "is required (a JSON array)");
            }
            return out;
        }
        if (!n.isArray()) {
            problem(field, "must be an array, not " + describe(n));
            return out;
        }
        n.forEach(out::add);
        return out;
    }

    static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + n.textValue() + "\"";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + n;
    }
}

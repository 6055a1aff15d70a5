package org.chargeflex.m3b.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.chargeflex.m3b.protocol.CanFrame;

/**
 * A scripted scenario (format in docs/m3b-simulator.md): board settings and a list of timed steps. Parsing checks
 * everything up front and names the offending step, so a bad file fails before anything runs.
 */
public record Scenario(int outlets, double timeScale, boolean boardInterlock, List<TimedAction> actions) {
    private static final Set<String> TOP = Set.of("outlets", "timeScale", "boardInterlock", "steps");

    public Scenario {
        actions = List.copyOf(actions);
    }

    /** A parsed step, ready to run against a simulator. */
    public interface Action {
        void apply(M3bSimulator sim);
    }

    /** A step as parsed: when (ms after the start), a description for logs, and what to do. */
    public record TimedAction(long atMillis, String description, Action action) {
    }

    public static Scenario parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static Scenario parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("scenario is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("scenario must be a JSON object");
        }
        unknownFields("scenario", root, TOP);
        int outlets = root.path("outlets").asInt(2);
        double timeScale = root.path("timeScale").asDouble(1);
        boolean interlock = root.path("boardInterlock").asBoolean(true);
        List<TimedAction> actions = new ArrayList<>();
        JsonNode steps = root.path("steps");
        if (!steps.isMissingNode() && !steps.isArray()) {
            throw new IllegalArgumentException("scenario: 'steps' must be an array");
        }
        for (int i = 0; i < steps.size(); i++) {
            String where = "steps[" + i + "]";
            try {
                actions.add(StepParser.parse(steps.get(i), outlets));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        actions.sort(java.util.Comparator.comparingLong(TimedAction::atMillis));
        return new Scenario(outlets, timeScale, interlock, List.copyOf(actions));
    }

    static void unknownFields(String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException(where + ": unknown field '" + f + "' (allowed: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    /** Parses single steps. */
    static final class StepParser {
        private static final Set<String> STEP = Set.of("atMillis", "action", "outlet", "ev", "userId", "count",
                "millis", "canId", "extended", "data");
        private static final Set<String> EV = Set.of("capacityWh", "soc", "maxCurrent", "phases", "userId",
                "reactionDelayMillis");

        private StepParser() {
        }

        static TimedAction parse(JsonNode s, int outlets) {
            if (!s.isObject()) {
                throw new IllegalArgumentException("a step must be an object");
            }
            unknownFields("step", s, STEP);
            long at = s.path("atMillis").asLong(-1);
            if (at < 0) {
                throw new IllegalArgumentException("'atMillis' (>= 0) is required");
            }
            String action = s.path("action").asText("");
            int outlet = s.path("outlet").asInt(1);
            if (outlet < 1 || outlet > outlets) {
                throw new IllegalArgumentException("'outlet' must be 1.." + outlets + ", got " + outlet);
            }
            Action a = switch (action) {
                case "plugIn" -> {
                    EvSpec ev = ev(s.path("ev"));
                    yield sim -> sim.plugIn(outlet, ev);
                }
                case "unplug" -> sim -> sim.unplug(outlet);
                case "presentId" -> {
                    String id = required(s, "userId").asText();
                    yield sim -> sim.presentId(outlet, id);
                }
                case "cpShort" -> sim -> sim.injectCpShort(outlet);
                case "diodeFault" -> sim -> sim.injectDiodeFault(outlet);
                case "clearCpFault" -> sim -> sim.clearCpFault(outlet);
                case "resetBoard" -> M3bSimulator::resetBoard;
                case "corruptFrames" -> {
                    int n = count(s);
                    yield sim -> sim.corruptNextFrames(n);
                }
                case "dropFrames" -> {
                    int n = count(s);
                    yield sim -> sim.dropNextFrames(n);
                }
                case "disconnectHost" -> M3bSimulator::disconnectHost;
                case "ignoreHost" -> {
                    long ms = required(s, "millis").asLong();
                    yield sim -> sim.ignoreHostFor(ms);
                }
                case "canFromEv" -> {
                    CanFrame f = can(s);
                    yield sim -> sim.sendCanFromEv(outlet, f);
                }
                default -> throw new IllegalArgumentException("unknown action '" + action + "' (plugIn, unplug, "
                        + "presentId, cpShort, diodeFault, clearCpFault, resetBoard, corruptFrames, dropFrames, "
                        + "disconnectHost, ignoreHost, canFromEv)");
            };
            return new TimedAction(at, action + " (outlet " + outlet + ")", a);
        }

        private static EvSpec ev(JsonNode e) {
            if (!e.isObject()) {
                throw new IllegalArgumentException("plugIn needs an 'ev' object");
            }
            unknownFields("ev", e, EV);
            EvSpec.Builder b = EvSpec.builder();
            if (e.has("capacityWh")) {
                b.capacityWh(e.get("capacityWh").asDouble());
            }
            if (e.has("soc")) {
                b.soc(e.get("soc").asDouble());
            }
            if (e.has("maxCurrent")) {
                b.maxCurrent(e.get("maxCurrent").asDouble());
            }
            if (e.has("phases")) {
                b.phases(e.get("phases").asInt());
            }
            if (e.has("userId")) {
                b.userId(e.get("userId").asText());
            }
            if (e.has("reactionDelayMillis")) {
                b.reactionDelayMillis(e.get("reactionDelayMillis").asLong());
            }
            return b.build();
        }

        private static int count(JsonNode s) {
            int n = required(s, "count").asInt(-1);
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("'count' must be 1..1000, got " + s.get("count"));
            }
            return n;
        }

        private static CanFrame can(JsonNode s) {
            int id = Integer.decode(required(s, "canId").asText());
            byte[] data = HexFormat.of().parseHex(s.path("data").asText(""));
            return s.path("extended").asBoolean(false) ? CanFrame.extended(id, data) : CanFrame.standard(id, data);
        }

        private static JsonNode required(JsonNode s, String field) {
            JsonNode n = s.get(field);
            if (n == null || n.isNull()) {
                throw new IllegalArgumentException("'" + field + "' is required for action '"
                        + s.path("action").asText() + "'");
            }
            return n;
        }
    }
}

package org.chargeflex.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.chargeflex.m3b.simulator.Scenario;

/**
 * A fleet scenario (the M3B simulator's JSON format, docs/m3b-simulator.md) played on every station, each station's
 * copy shifted by {@link #STAGGER_MS} so the stations' arrivals overlap but do not coincide. Times are simulated: a
 * step's {@code atMillis} at the scenario's {@code timeScale} is {@code atMillis * timeScale} simulated ms.
 */
public final class FleetPlan {
    /** Each station's copy of the scenario starts this much (simulated) later than the previous station's. */
    public static final long STAGGER_MS = 30 * 60_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One step for one station at a simulated time; {@code json} is the step as written in the scenario. */
    public record Step(int station, long simMs, String action, int outlet, JsonNode json) {
    }

    private final String name;
    private final int outlets;
    private final boolean boardInterlock;
    private final List<Step> steps;
    private final List<Visit> visits;
    private final long endMs;

    private FleetPlan(String name, int outlets, boolean boardInterlock, List<Step> steps, List<Visit> visits, long endMs) {
        this.name = name;
        this.outlets = outlets;
        this.boardInterlock = boardInterlock;
        this.steps = steps;
        this.visits = visits;
        this.endMs = endMs;
    }

    /** Loads a scenario file, or a bundled one by name ({@code fleet-day}, {@code fleet-3-outlets}, ...). */
    public static FleetPlan load(String fileOrName, int stations) {
        Path file = Path.of(fileOrName);
        try {
            if (Files.isRegularFile(file)) {
                return parse(file.getFileName().toString(), Files.readString(file), stations);
            }
            try (InputStream in = FleetPlan.class.getResourceAsStream("/scenarios/" + fileOrName + ".json")) {
                if (in == null) {
                    throw new IllegalArgumentException("--scenario: no file '" + fileOrName + "' and no bundled "
                            + "scenario of that name (fleet-day, fleet-3-outlets, short-3-outlets)");
                }
                return parse(fileOrName, new String(in.readAllBytes(), StandardCharsets.UTF_8), stations);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + fileOrName, e);
        }
    }

    /** Parses and checks the scenario (the simulator's own parser first, so every step is valid before anything runs). */
    public static FleetPlan parse(String name, String json, int stations) {
        Scenario checked = Scenario.parse(json);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario " + name + ": " + e.getMessage(), e);
        }
        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < stations; s++) {
            for (JsonNode step : root.path("steps")) {
                long simMs = Math.round(step.path("atMillis").asLong() * checked.timeScale()) + s * STAGGER_MS;
                steps.add(new Step(s, simMs, step.path("action").asText(), step.path("outlet").asInt(1), step));
            }
        }
        steps.sort(Comparator.comparingLong(Step::simMs));
        long end = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).simMs();
        return new FleetPlan(name, checked.outlets(), checked.boardInterlock(), List.copyOf(steps),
                visits(steps, end), end);
    }

    private static List<Visit> visits(List<Step> steps, long end) {
        List<Visit> out = new ArrayList<>();
        TreeMap<String, Step> plugged = new TreeMap<>();
        for (Step s : steps) {
            String key = s.station() + "/" + s.outlet();
            if (s.action().equals("plugIn")) {
                Step before = plugged.put(key, s);
                if (before != null) { // plugged in again without an unplug: the simulator replaces the EV
                    out.add(visit(before, s.simMs()));
                }
            } else if (s.action().equals("unplug") && plugged.containsKey(key)) {
                out.add(visit(plugged.remove(key), s.simMs()));
            }
        }
        plugged.values().forEach(s -> out.add(visit(s, end)));
        out.sort(Comparator.comparingLong(Visit::arrivalMs));
        return List.copyOf(out);
    }

    private static Visit visit(Step plug, long departure) {
        JsonNode ev = plug.json().path("ev");
        return new Visit(plug.station(), plug.outlet(), plug.simMs(), departure, ev.path("capacityWh").asDouble(60_000),
                ev.path("soc").asDouble(0.2), ev.path("maxCurrent").asDouble(32), ev.path("phases").asInt(3));
    }

    /** The scenario of one step alone at time 0, for the simulator's parser (which turns it into an action). */
    public String singleStepScenario(Step step) {
        ObjectNode copy = step.json().deepCopy();
        copy.put("atMillis", 0);
        ObjectNode root = JSON.createObjectNode().put("outlets", outlets).put("timeScale", 1)
                .put("boardInterlock", boardInterlock);
        root.putArray("steps").add(copy);
        return root.toString();
    }

    /** The highest total power if every EV charged at its full power from arrival until its demand is met, W. */
    public double uncontrolledPeakW() {
        return peak(visits.stream().map(v -> new double[] {v.arrivalMs(), v.uncontrolledEndMs(), v.maxPowerW()})
                .toList());
    }

    /** The highest total power if every EV drew its {@link Visit#targetPowerW} over its whole stay, W. */
    public double flatPeakW(double margin) {
        return peak(visits.stream().map(v -> new double[] {v.arrivalMs(), v.departureMs(), v.targetPowerW(margin)})
                .toList());
    }

    private static double peak(List<double[]> intervals) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        for (double[] i : intervals) {
            if (i[1] > i[0]) {
                delta.merge(i[0], i[2], Double::sum);
                delta.merge(i[1], -i[2], Double::sum);
            }
        }
        double level = 0;
        double peak = 0;
        for (double d : delta.values()) {
            level += d;
            peak = Math.max(peak, level);
        }
        return peak;
    }

    public double demandWh() {
        return visits.stream().mapToDouble(Visit::demandWh).sum();
    }

    public String name() {
        return name;
    }

    public int outlets() {
        return outlets;
    }

    public boolean boardInterlock() {
        return boardInterlock;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Step> steps(int station) {
        return steps.stream().filter(s -> s.station() == station).toList();
    }

    public List<Visit> visits() {
        return visits;
    }

    /** The simulated time of the last step, ms. */
    public long endMs() {
        return endMs;
    }
}

package org.chargeflex.cio.stationapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.chargeflex.cio.system.StationEndpoint;

/**
 * The station API's endpoints by path: matches a call's segments below {@code /api/v1/stations/{stationId}/} to an
 * endpoint and its path variables. Literal segments win over variables, so {@code sessions/{sessionId}/schedule} and
 * a later {@code sessions/open/schedule} could coexist.
 */
final class StationRoutes {
    /** A matched endpoint with its path variables. */
    record Match(StationEndpoint endpoint, Map<String, String> variables) {
    }

    /** The outcome of a look-up: a match, or none for the path, or the methods the path has (405). */
    record Lookup(Match match, List<String> allowed) {
    }

    /** An endpoint with its path split once (the look-up runs on every call). */
    private record Route(StationEndpoint endpoint, List<String> pattern) {
    }

    private final List<StationEndpoint> endpoints;
    private final List<Route> routes;

    StationRoutes(List<StationEndpoint> endpoints) {
        Map<String, StationEndpoint> seen = new HashMap<>();
        for (StationEndpoint e : endpoints) {
            String key = e.method() + " " + e.path().replaceAll("\\{[^}]+}", "{}");
            StationEndpoint other = seen.put(key, e);
            if (other != null) {
                throw new IllegalArgumentException("two station API endpoints for " + e.method() + " " + e.template()
                        + " and " + other.template());
            }
        }
        this.endpoints = List.copyOf(endpoints);
        this.routes = this.endpoints.stream().map(e -> new Route(e, e.segments())).toList();
    }

    List<StationEndpoint> endpoints() {
        return endpoints;
    }

    /** The endpoint for {@code method} and the path's {@code segments}. */
    Lookup find(String method, List<String> segments) {
        Match best = null;
        int bestLiterals = -1;
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            StationEndpoint e = route.endpoint();
            List<String> pattern = route.pattern();
            int literals = literalsMatched(pattern, segments);
            if (literals < 0) {
                continue;
            }
            allowed.add(e.method());
            if (e.method().equals(method) && literals > bestLiterals) {
                best = new Match(e, variables(pattern, segments));
                bestLiterals = literals;
            }
        }
        return new Lookup(best, new ArrayList<>(allowed));
    }

    /** How many literal segments match, or -1 if the path does not fit the pattern. */
    private static int literalsMatched(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            String s = segments.get(i);
            if (isVariable(p)) {
                if (s.isEmpty()) {
                    return -1;
                }
            } else if (p.equals(s)) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static Map<String, String> variables(List<String> pattern, List<String> segments) {
        Map<String, String> vars = new HashMap<>(4);
        for (int i = 0; i < pattern.size(); i++) {
            if (isVariable(pattern.get(i))) {
                String p = pattern.get(i);
                vars.put(p.substring(1, p.length() - 1), segments.get(i));
            }
        }
        return vars;
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }
}

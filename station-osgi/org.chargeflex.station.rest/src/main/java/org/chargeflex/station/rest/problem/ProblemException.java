package org.chargeflex.station.rest.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown by resources to answer with a problem body (and optional headers); mapped by {@link ProblemMappers}. */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
        this.problem = problem;
    }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}

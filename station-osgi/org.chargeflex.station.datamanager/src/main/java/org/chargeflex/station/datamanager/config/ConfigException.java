package org.chargeflex.station.datamanager.config;

import java.util.List;

/** A channels file that cannot be used; the message lists every problem found, one a line. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem, naming the file, the channel (or device, driver) and the field. */
    public List<String> problems() {
        return problems;
    }
}

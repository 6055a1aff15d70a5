package org.chargeflex.station.datamanager.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Channel label rules: segments of {@code [A-Za-z0-9_.-]+} separated by '/', no empty segment, and no segment named
 * {@code history} (the REST API uses it), {@code .} or {@code ..} (they would be read as relative paths in URLs).
 */
public final class LabelSyntax {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");

    private LabelSyntax() {
    }

    /** Why the label is not valid, or empty when it is. */
    public static Optional<String> problem(String label) {
        if (label.isEmpty()) {
            return Optional.of("must not be empty");
        }
        String[] segments = label.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return Optional.of("'" + label + "' has an empty segment (leading, trailing or double '/')");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("'" + label + "' has segment '" + segment
                        + "' with characters other than letters, digits, '_', '.' and '-'");
            }
            if (segment.equals("history")) {
                return Optional.of("'" + label + "' has a segment named 'history', which the REST API reserves");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'" + label + "' has a segment '" + segment + "', which URLs treat as a path step");
            }
        }
        return Optional.empty();
    }
}

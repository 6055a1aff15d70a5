package org.chargeflex.station.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework configuration: {@code conf/framework.properties} of the station's home folder, with {@code ${name}}
 * placeholders replaced by system properties or by {@code chargeflex.home}, then overridden by the caller's values.
 */
final class FrameworkProperties {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private FrameworkProperties() {
    }

    static Map<String, String> load(Path home, Map<String, String> overrides) throws IOException {
        Path file = home.resolve("conf").resolve("framework.properties");
        Properties raw = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                raw.load(in);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            out.put(key, raw.getProperty(key));
        }
        // system properties named like framework properties win over the file, so -Dorg.osgi.service.http.port=0 works
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("org.osgi.") || key.startsWith("org.apache.felix.") || key.startsWith("felix.")) {
                out.put(key, System.getProperty(key));
            }
        }
        out.putAll(overrides);
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : out.entrySet()) {
            resolved.put(e.getKey(), substitute(e.getValue(), home, out));
        }
        return resolved;
    }

    static String substitute(String value, Path home, Map<String, String> props) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if ("chargeflex.home".equals(name)) {
                replacement = home.toAbsolutePath().toString();
            } else if (System.getProperty(name) != null) {
                replacement = System.getProperty(name);
            } else if (props.containsKey(name) && !props.get(name).contains("${" + name + "}")) {
                replacement = substitute(props.get(name), home, props);
            } else {
                throw new IllegalArgumentException("framework.properties: unknown placeholder ${" + name + "} in '"
                        + value + "'");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

package org.chargeflex.gateway.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads the gateway's configuration file: Java properties, or JSON (a file ending in {@code .json}; nested objects
 * become dotted keys, arrays comma-separated lists). Every problem is collected and reported at once; nothing has a
 * default where a default would be unsafe (CIO account, password, allowed SCADA clients). Keys (docs/grid-gateway.md):
 * <pre>
 * cio.baseUrl             https://cio.example:8443 (required; http only with cio.allowPlainHttp=true)
 * cio.username            the CIO account of role DNO (required)
 * cio.passwordFile        file whose first line is the password, or
 * cio.passwordEnv         name of the environment variable holding it (exactly one of the two)
 * cio.truststore.path     trust store for an https CIO (optional; else the JDK's CAs)
 * cio.truststore.password / cio.truststore.type (default PKCS12)
 * cio.timeoutMillis       per CIO request, default 5000
 * bindAddress             default 0.0.0.0
 * iec61850.port           default 102; iec61850.iedName default CFGW
 * iec104.port             default 2404; iec104.commonAddress default 1
 * iec104.stationBlocks.&lt;station id&gt;  address block of a station (1..64)
 * iec104.gcpBlocks.&lt;grid connection point id&gt;  address block of a grid connection point (1..16000)
 * scada.allowedClients    comma-separated IP addresses (required)
 * pollIntervalMillis      default 5000 (50 .. 3600000); retryDelayMillis default 2000
 * </pre>
 */
public final class ConfigReader {
    private static final String BLOCKS = "iec104.stationBlocks.";
    private static final String GCP_BLOCKS = "iec104.gcpBlocks.";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    private static final Set<String> KNOWN = Set.of("cio.baseUrl", "cio.allowPlainHttp", "cio.username",
            "cio.passwordFile", "cio.passwordEnv", "cio.truststore.path", "cio.truststore.password",
            "cio.truststore.type", "cio.timeoutMillis", "bindAddress", "iec61850.port", "iec61850.iedName",
            "iec104.port", "iec104.commonAddress", "scada.allowedClients", "pollIntervalMillis", "retryDelayMillis");

    private final UnaryOperator<String> environment;
    private final List<String> problems = new ArrayList<>();

    /** @param environment looks up environment variables ({@code System::getenv} in production) */
    public ConfigReader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Reads and checks a file; relative paths inside are resolved against the file's folder. */
    public GatewayConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read the configuration file " + file + ": " + e));
        }
        Map<String, String> values = file.getFileName().toString().endsWith(".json") ? json(text, file)
                : properties(text, file);
        Path base = file.toAbsolutePath().getParent();
        return check(values, base);
    }

    GatewayConfig check(Map<String, String> v, Path base) throws ConfigException {
        problems.clear();
        v.keySet().stream().filter(k -> !KNOWN.contains(k) && !k.startsWith(BLOCKS) && !k.startsWith(GCP_BLOCKS))
                .sorted()
                .forEach(k -> problems.add("unknown key '" + k + "' (known: " + KNOWN.stream().sorted().toList()
                        + ", " + BLOCKS + "<station id>, " + GCP_BLOCKS + "<grid connection point id>)"));
        URI cio = cioUrl(v.get("cio.baseUrl"), Boolean.parseBoolean(trim(v.get("cio.allowPlainHttp"))));
        String user = trim(v.get("cio.username"));
        if (user == null || user.contains(":")) {
            problems.add("cio.username is required (the CIO account of role DNO), without ':'");
        }
        char[] password = password(trim(v.get("cio.passwordFile")), trim(v.get("cio.passwordEnv")), base);
        Path trustStore = path(trim(v.get("cio.truststore.path")), base, "cio.truststore.path");
        String tsPassword = v.getOrDefault("cio.truststore.password", "");
        String tsType = trim(v.getOrDefault("cio.truststore.type", "PKCS12"));
        InetAddress bind = address(v.getOrDefault("bindAddress", "0.0.0.0"), "bindAddress");
        int mms = integer(v, "iec61850.port", 102, 1, 65535);
        String ied = v.getOrDefault("iec61850.iedName", "CFGW").trim();
        if (!ied.matches("[A-Za-z][A-Za-z0-9_]{0,15}")) {
            problems.add("iec61850.iedName must be 1..16 letters, digits or '_' starting with a letter, was '" + ied
                    + "'");
        }
        int iec104 = integer(v, "iec104.port", 2404, 1, 65535);
        if (iec104 == mms) {
            problems.add("iec61850.port and iec104.port must differ, both are " + mms);
        }
        int ca = integer(v, "iec104.commonAddress", 1, 1, 65534);
        Map<String, Integer> blocks = new LinkedHashMap<>();
        v.keySet().stream().filter(k -> k.startsWith(BLOCKS)).sorted().forEach(k -> blocks.put(
                k.substring(BLOCKS.length()), integer(v, k, 0, 1, 64)));
        Map<String, Integer> gcpBlocks = new LinkedHashMap<>();
        v.keySet().stream().filter(k -> k.startsWith(GCP_BLOCKS)).sorted().forEach(k -> gcpBlocks.put(
                k.substring(GCP_BLOCKS.length()), integer(v, k, 0, 1, 16_000)));
        List<Integer> allBlocks = new ArrayList<>(blocks.values());
        allBlocks.addAll(gcpBlocks.values());
        if (allBlocks.stream().distinct().count() != allBlocks.size()) {
            problems.add("IEC 104 address blocks must be distinct: " + BLOCKS + "* " + blocks + ", " + GCP_BLOCKS
                    + "* " + gcpBlocks);
        }
        Set<InetAddress> allowed = allowed(v.get("scada.allowedClients"));
        Duration poll = Duration.ofMillis(integer(v, "pollIntervalMillis", 5000, 50, 3_600_000));
        Duration retry = Duration.ofMillis(integer(v, "retryDelayMillis", 2000, 10, 600_000));
        Duration timeout = Duration.ofMillis(integer(v, "cio.timeoutMillis", 5000, 100, 120_000));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new GatewayConfig(cio, user, password, trustStore, tsPassword.toCharArray(), tsType, timeout, bind, mms,
                ied, iec104, ca, blocks, gcpBlocks, allowed, poll, retry);
    }

    private URI cioUrl(String value, boolean allowPlainHttp) {
        String s = trim(value);
        if (s == null) {
            problems.add("cio.baseUrl is required, e.g. https://cio.example:8443");
            return null;
        }
        try {
            URI u = new URI(s);
            if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                problems.add("cio.baseUrl must be an absolute https URL, was '" + s + "'");
            } else if ("http".equals(u.getScheme()) && !allowPlainHttp) {
                problems.add("cio.baseUrl is plain http: the DNO account's password would cross the network in "
                        + "clear; use https (or set cio.allowPlainHttp=true for a test set-up)");
            }
            return u;
        } catch (URISyntaxException e) {
            problems.add("cio.baseUrl is not a URL: " + e.getMessage());
            return null;
        }
    }

    private char[] password(String file, String env, Path base) {
        if ((file == null) == (env == null)) {
            problems.add("exactly one of cio.passwordFile and cio.passwordEnv is required (there is no default "
                    + "password)");
            return new char[0];
        }
        String pw;
        if (file != null) {
            Path p = path(file, base, "cio.passwordFile");
            try {
                pw = p == null ? null : Files.readAllLines(p, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                problems.add("cio.passwordFile " + p + " cannot be read: " + e);
                return new char[0];
            }
        } else if (!ENV_NAME.matcher(env).matches()) {
            problems.add("cio.passwordEnv must be an environment variable name, was '" + env + "'");
            return new char[0];
        } else {
            pw = environment.apply(env);
            if (pw == null) {
                problems.add("the environment variable " + env + " (cio.passwordEnv) is not set");
                return new char[0];
            }
        }
        if (pw != null && pw.strip().isEmpty()) {
            problems.add("the CIO password (" + (file != null ? "cio.passwordFile" : "cio.passwordEnv") + ") is empty");
        }
        return pw == null ? new char[0] : pw.strip().toCharArray();
    }

    private Path path(String value, Path base, String key) {
        if (value == null) {
            return null;
        }
        Path p = base.resolve(value).normalize();
        if (!Files.isReadable(p)) {
            problems.add(key + " " + p + " does not exist or is not readable");
        }
        return p;
    }

    private Set<InetAddress> allowed(String list) {
        Set<InetAddress> out = new LinkedHashSet<>();
        if (trim(list) == null) {
            problems.add("scada.allowedClients is required: the IP addresses of the DNO's SCADA front ends (no "
                    + "connection is accepted from anywhere else)");
            return out;
        }
        for (String a : list.split(",")) {
            InetAddress ia = address(a, "scada.allowedClients");
            if (ia != null) {
                if (ia.isAnyLocalAddress()) {
                    problems.add("scada.allowedClients: the wildcard address " + a.trim() + " would allow everyone");
                }
                out.add(ia);
            }
        }
        return out;
    }

    private InetAddress address(String value, String key) {
        String s = value == null ? "" : value.trim();
        if (!IP.matcher(s).matches()) {
            problems.add(key + ": '" + s + "' is not an IP address (host names are not resolved)");
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            problems.add(key + ": '" + s + "' is not an IP address");
            return null;
        }
    }

    private int integer(Map<String, String> v, String key, int dflt, int min, int max) {
        String s = trim(v.get(key));
        if (s == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(s);
            if (i < min || i > max) {
                problems.add(key + " must be " + min + ".." + max + ", was " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number, was '" + s + "'");
            return dflt;
        }
    }

    private static Map<String, String> properties(String text, Path file) throws ConfigException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(List.of(file + " is not a properties file: " + e.getMessage()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static Map<String, String> json(String text, Path file) throws ConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(file + " is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr()));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(List.of(file + ": the JSON configuration must be an object"));
        }
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.asText());
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

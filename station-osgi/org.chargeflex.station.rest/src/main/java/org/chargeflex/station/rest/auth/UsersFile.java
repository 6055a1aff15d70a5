package org.chargeflex.station.rest.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The users file: users with PBKDF2 password hashes and bearer tokens stored as SHA-256 digests, each with roles.
 * Immutable; the {@code with...}/{@code without...} methods return changed copies. Only JDK and Jackson are used, so
 * the users CLI runs without the OSGi runtime.
 *
 * <pre>
 * {"users":[{"name":"operator","passwordHash":"pbkdf2-sha256$210000$...$...","roles":["read","write"]}],
 *  "tokens":[{"name":"cio","sha256":"&lt;64 hex digits&gt;","roles":["read"]}]}
 * </pre>
 */
public record UsersFile(List<User> users, List<Token> tokens) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** A user who logs in with HTTP Basic. */
    public record User(String name, String passwordHash, Set<Role> roles) {
        public User {
            roles = Set.copyOf(roles);
        }
    }

    /** A bearer token, known only by the SHA-256 (lower-case hex) of its text. */
    public record Token(String name, String sha256, Set<Role> roles) {
        public Token {
            sha256 = sha256.toLowerCase(Locale.ROOT);
            roles = Set.copyOf(roles);
        }
    }

    public UsersFile {
        users = List.copyOf(users);
        tokens = List.copyOf(tokens);
    }

    public static UsersFile empty() {
        return new UsersFile(List.of(), List.of());
    }

    /** Reads and validates a users file; a missing file is an error here (callers decide what that means). */
    public static UsersFile read(Path file) throws IOException, UsersFileException {
        return parse(Files.readAllBytes(file));
    }

    /** Parses and validates the JSON; every problem is reported with the entry it is in. */
    public static UsersFile parse(byte[] json) throws UsersFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UsersFileException("not valid JSON: " + e.getOriginalMessage() + locationOf(e), e);
        } catch (IOException e) {
            throw new UsersFileException("cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || (root.isObject() && root.isEmpty())) {
            return empty();
        }
        if (!root.isObject()) {
            throw new UsersFileException("the top level must be a JSON object with \"users\" and \"tokens\" arrays");
        }
        List<User> users = new ArrayList<>();
        for (JsonNode n : array(root, "users")) {
            String where = "users[" + users.size() + "]";
            String name = name(n, where);
            String hash = text(n, "passwordHash", where + " (" + name + ")");
            try {
                PasswordHasher.checkFormat(hash);
            } catch (IllegalArgumentException e) {
                throw new UsersFileException(where + " (" + name + "): " + e.getMessage());
            }
            users.add(new User(name, hash, roles(n, where + " (" + name + ")")));
        }
        List<Token> tokens = new ArrayList<>();
        for (JsonNode n : array(root, "tokens")) {
            String where = "tokens[" + tokens.size() + "]";
            String name = name(n, where);
            String sha = text(n, "sha256", where + " (" + name + ")");
            if (!SHA256_HEX.matcher(sha).matches()) {
                throw new UsersFileException(where + " (" + name + "): sha256 must be 64 hex digits");
            }
            tokens.add(new Token(name, sha, roles(n, where + " (" + name + ")")));
        }
        requireUnique(users.stream().map(User::name).toList(), "user");
        requireUnique(tokens.stream().map(Token::name).toList(), "token");
        return new UsersFile(users, tokens);
    }

    /** This file as pretty-printed JSON. */
    public byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode u = root.putArray("users");
        for (User user : users) {
            ObjectNode n = u.addObject().put("name", user.name()).put("passwordHash", user.passwordHash());
            putRoles(n, user.roles());
        }
        ArrayNode t = root.putArray("tokens");
        for (Token token : tokens) {
            ObjectNode n = t.addObject().put("name", token.name()).put("sha256", token.sha256());
            putRoles(n, token.roles());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the users file", e);
        }
    }

    /**
     * Writes the file so that readers see either the old or the new content, never a half-written one: a temporary
     * file in the same folder, readable only by the owner where the file system supports it, moved over the target.
     */
    public void writeAtomically(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".users-", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(tmp, toJson());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A copy with this user added, or replacing the user of the same name. */
    public UsersFile withUser(User user) {
        List<User> out = new ArrayList<>(users);
        out.removeIf(u -> u.name().equals(user.name()));
        out.add(user);
        return new UsersFile(out, tokens);
    }

    public UsersFile withoutUser(String name) {
        return new UsersFile(without(users, u -> u.name().equals(name)), tokens);
    }

    /** A copy with this token added, or replacing the token of the same name. */
    public UsersFile withToken(Token token) {
        List<Token> out = new ArrayList<>(tokens);
        out.removeIf(t -> t.name().equals(token.name()));
        out.add(token);
        return new UsersFile(users, out);
    }

    public UsersFile withoutToken(String name) {
        return new UsersFile(users, without(tokens, t -> t.name().equals(name)));
    }

    /** Whether {@code name} can be used for a user or token (letters, digits, {@code . _ @ -}; 1-64 chars). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static <T> List<T> without(List<T> list, Predicate<T> drop) {
        List<T> out = new ArrayList<>(list);
        out.removeIf(drop);
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) throws UsersFileException {
        JsonNode a = root.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new UsersFileException("\"" + field + "\" must be an array");
        }
        return a;
    }

    private static String name(JsonNode entry, String where) throws UsersFileException {
        if (!entry.isObject()) {
            throw new UsersFileException(where + " must be an object");
        }
        String name = text(entry, "name", where);
        if (!isValidName(name)) {
            throw new UsersFileException(where + ": name '" + name
                    + "' must be 1-64 letters, digits or . _ @ - characters");
        }
        return name;
    }

    private static String text(JsonNode entry, String field, String where) throws UsersFileException {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new UsersFileException(where + ": \"" + field + "\" must be a non-empty string");
        }
        return v.asText();
    }

    private static Set<Role> roles(JsonNode entry, String where) throws UsersFileException {
        JsonNode a = entry.get("roles");
        if (a == null || a.isNull()) {
            return Set.of();
        }
        if (!a.isArray()) {
            throw new UsersFileException(where + ": \"roles\" must be an array of strings");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : a) {
            if (!r.isTextual()) {
                throw new UsersFileException(where + ": \"roles\" must be an array of strings");
            }
            roles.add(Role.fromFileName(r.asText()).orElseThrow(() -> new UsersFileException(
                    where + ": unknown role '" + r.asText() + "' (known: read, write, admin)")));
        }
        return roles;
    }

    private static void putRoles(ObjectNode n, Set<Role> roles) {
        ArrayNode a = n.putArray("roles");
        roles.stream().sorted().forEach(r -> a.add(r.fileName()));
    }

    private static void requireUnique(List<String> names, String what) throws UsersFileException {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new UsersFileException("the " + what + " name '" + n + "' appears more than once");
            }
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}

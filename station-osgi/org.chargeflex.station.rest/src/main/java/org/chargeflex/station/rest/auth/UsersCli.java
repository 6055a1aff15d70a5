package org.chargeflex.station.rest.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Edits the users file of the REST server; needs only the JDK and Jackson:
 * {@code java -cp <rest bundle jar>:jackson-core.jar:jackson-databind.jar:jackson-annotations.jar
 * org.chargeflex.station.rest.auth.UsersCli [--file <path>] <command>}. Passwords are read from the console or
 * standard input, never from the command line. The file is replaced atomically; the running server picks it up
 * within about a second.
 */
public final class UsersCli {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: UsersCli [--file <users.json>] <command>",
            "  add <name> --roles <r1,r2>    add a user or change its password (and roles); password from stdin",
            "  remove <name>                 remove a user",
            "  token <name> --roles <r1,r2>  add or replace a bearer token; prints the new token once",
            "  remove-token <name>           remove a token",
            "  list                          users and tokens with their roles",
            "  hash                          read a password from stdin and print its hash",
            "roles: read, write, admin (admin implies read and write; write does not imply read)",
            "default file: " + UsersFilePaths.DEFAULT + " under -D" + UsersFilePaths.HOME_PROPERTY
                    + " or the current folder");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Console console;
    private final PasswordHasher hasher;

    UsersCli(InputStream in, PrintStream out, PrintStream err, Console console, PasswordHasher hasher) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
        this.hasher = hasher;
    }

    public static void main(String[] args) {
        int code = new UsersCli(System.in, System.out, System.err, System.console(), new PasswordHasher()).run(args);
        System.exit(code);
    }

    /** Runs one command; returns the exit code: 0 done, 1 failed, 2 bad usage. */
    int run(String... argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        try {
            Path file = UsersFilePaths.resolve(option(args, "--file").orElse(null));
            Optional<String> roles = option(args, "--roles");
            if (args.isEmpty()) {
                return usage("a command is missing");
            }
            String command = args.remove(0);
            return switch (command) {
                case "add" -> addUser(file, single(args, "add"), roles);
                case "remove" -> removeUser(file, single(args, "remove"));
                case "token" -> addToken(file, single(args, "token"), roles);
                case "remove-token" -> removeToken(file, single(args, "remove-token"));
                case "list" -> list(file);
                case "hash" -> hash();
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        } catch (UsersFileException e) {
            err.println("error: the users file is invalid, fix it first: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private int addUser(Path file, String name, Optional<String> rolesArg) throws IOException, UsersFileException {
        UsersFile users = load(file);
        Optional<UsersFile.User> existing = users.users().stream().filter(u -> u.name().equals(name)).findFirst();
        Set<Role> roles;
        if (rolesArg.isPresent()) {
            roles = parseRoles(rolesArg.get());
        } else if (existing.isPresent()) {
            roles = existing.get().roles();
        } else {
            throw new UsageException("--roles is required for a new user");
        }
        char[] password = readNewPassword();
        if (password == null) {
            return 1;
        }
        String hash;
        try {
            hash = hasher.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
        users.withUser(new UsersFile.User(name, hash, roles)).writeAtomically(file);
        out.println((existing.isPresent() ? "updated" : "added") + " user " + name + " " + roleNames(roles)
                + " in " + file);
        return 0;
    }

    private int removeUser(Path file, String name) throws IOException, UsersFileException {
        UsersFile users = load(file);
        if (users.users().stream().noneMatch(u -> u.name().equals(name))) {
            err.println("error: no user '" + name + "' in " + file);
            return 1;
        }
        users.withoutUser(name).writeAtomically(file);
        out.println("removed user " + name + " from " + file);
        return 0;
    }

    private int addToken(Path file, String name, Optional<String> rolesArg) throws IOException, UsersFileException {
        Set<Role> roles = parseRoles(rolesArg.orElseThrow(() -> new UsageException("--roles is required")));
        UsersFile users = load(file);
        String token = TokenDigest.newToken();
        users.withToken(new UsersFile.Token(name, TokenDigest.sha256Hex(token), roles)).writeAtomically(file);
        err.println("token " + name + " " + roleNames(roles) + " stored in " + file
                + "; it is shown only now, keep it safe:");
        out.println(token);
        return 0;
    }

    private int removeToken(Path file, String name) throws IOException, UsersFileException {
        UsersFile users = load(file);
        if (users.tokens().stream().noneMatch(t -> t.name().equals(name))) {
            err.println("error: no token '" + name + "' in " + file);
            return 1;
        }
        users.withoutToken(name).writeAtomically(file);
        out.println("removed token " + name + " from " + file);
        return 0;
    }

    private int list(Path file) throws IOException, UsersFileException {
        UsersFile users = load(file);
        users.users().forEach(u -> out.println("user  " + u.name() + " " + roleNames(u.roles())));
        users.tokens().forEach(t -> out.println("token " + t.name() + " " + roleNames(t.roles())));
        return 0;
    }

    private int hash() throws IOException {
        char[] password = readNewPassword();
        if (password == null) {
            return 1;
        }
        try {
            out.println(hasher.hash(password));
        } finally {
            Arrays.fill(password, '\0');
        }
        return 0;
    }

    /** Reads the password (twice on a console); null after printing why it is refused. */
    private char[] readNewPassword() throws IOException {
        char[] password;
        if (console != null) {
            password = console.readPassword("Password (at least %d characters): ", MIN_PASSWORD_LENGTH);
            char[] again = console.readPassword("Repeat the password: ");
            boolean same = password != null && Arrays.equals(password, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                err.println("error: the passwords differ");
                return null;
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            err.println("error: the password must have at least " + MIN_PASSWORD_LENGTH + " characters"
                    + (password.length == 0 ? " (it is empty)" : ""));
            Arrays.fill(password, '\0');
            return null;
        }
        return password;
    }

    private static UsersFile load(Path file) throws IOException, UsersFileException {
        return Files.exists(file) ? UsersFile.read(file) : UsersFile.empty();
    }

    private static Set<Role> parseRoles(String list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : list.split(",")) {
            if (!r.isBlank()) {
                roles.add(Role.fromFileName(r).orElseThrow(
                        () -> new UsageException("unknown role '" + r.trim() + "' (known: read, write, admin)")));
            }
        }
        if (roles.isEmpty()) {
            throw new UsageException("--roles needs at least one of read, write, admin");
        }
        return roles;
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::fileName).toList().toString();
    }

    private static Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return Optional.of(value);
    }

    private static String single(List<String> args, String command) {
        if (args.size() != 1) {
            throw new UsageException(command + " takes exactly one name");
        }
        String name = args.get(0);
        if (!UsersFile.isValidName(name)) {
            throw new UsageException("name '" + name + "' must be 1-64 letters, digits or . _ @ - characters");
        }
        return name;
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

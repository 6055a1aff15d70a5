package org.chargeflex.station.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        UsersCli cli = new UsersCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null, new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        return cli.run(args);
    }

    private Path file() {
        return dir.resolve("conf/users.json");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addsAUserWhosePasswordThenVerifies() throws Exception {
        assertThat(run("operator-password\n", "--file", file().toString(), "add", "operator", "--roles",
                "read,write")).isEqualTo(0);
        UsersFile f = UsersFile.read(file());
        assertThat(f.users()).hasSize(1);
        UsersFile.User u = f.users().get(0);
        assertThat(u.name()).isEqualTo("operator");
        assertThat(u.roles()).containsExactlyInAnyOrder(Role.READ, Role.WRITE);
        assertThat(PasswordHasher.verify("operator-password".toCharArray(), u.passwordHash())).isTrue();
        assertThat(Files.readString(file())).doesNotContain("operator-password");
    }

    @Test
    void changesThePasswordAndKeepsTheRolesWhenNoneAreGiven() throws Exception {
        run("first-password-1\n", "--file", file().toString(), "add", "op", "--roles", "admin");
        assertThat(run("second-password-2\n", "--file", file().toString(), "add", "op")).isEqualTo(0);
        UsersFile.User u = UsersFile.read(file()).users().get(0);
        assertThat(u.roles()).containsExactly(Role.ADMIN);
        assertThat(PasswordHasher.verify("second-password-2".toCharArray(), u.passwordHash())).isTrue();
        assertThat(stdout()).contains("updated user op");
    }

    @Test
    void refusesShortOrEmptyPasswordsAndLeavesTheFileAlone() {
        assertThat(run("short\n", "--file", file().toString(), "add", "op", "--roles", "read")).isEqualTo(1);
        assertThat(stderr()).contains("at least 12 characters");
        assertThat(run("", "--file", file().toString(), "add", "op", "--roles", "read")).isEqualTo(1);
        assertThat(stderr()).contains("empty");
        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void refusesBadUsage() {
        assertThat(run("", "--file", file().toString())).isEqualTo(2);
        assertThat(run("", "--file", file().toString(), "frobnicate")).isEqualTo(2);
        assertThat(run("long-enough-password\n", "--file", file().toString(), "add", "op")).isEqualTo(2);
        assertThat(stderr()).contains("--roles is required");
        assertThat(run("long-enough-password\n", "--file", file().toString(), "add", "op", "--roles", "root"))
                .isEqualTo(2);
        assertThat(stderr()).contains("unknown role 'root'");
        assertThat(run("", "--file", file().toString(), "add", "a:b", "--roles", "read")).isEqualTo(2);
        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void addsATokenShownOnceAndStoredOnlyAsItsDigest() throws Exception {
        assertThat(run("", "--file", file().toString(), "token", "cio", "--roles", "read")).isEqualTo(0);
        String token = stdout().trim();
        assertThat(token).hasSize(43);
        UsersFile f = UsersFile.read(file());
        assertThat(f.tokens()).hasSize(1);
        assertThat(f.tokens().get(0).sha256()).isEqualTo(TokenDigest.sha256Hex(token));
        assertThat(Files.readString(file())).doesNotContain(token);
        assertThat(run("", "--file", file().toString(), "remove-token", "cio")).isEqualTo(0);
        assertThat(UsersFile.read(file()).tokens()).isEmpty();
    }

    @Test
    void removesAUser() throws Exception {
        run("first-password-1\n", "--file", file().toString(), "add", "a", "--roles", "read");
        run("first-password-1\n", "--file", file().toString(), "add", "b", "--roles", "read");
        assertThat(run("", "--file", file().toString(), "remove", "a")).isEqualTo(0);
        assertThat(UsersFile.read(file()).users()).extracting(UsersFile.User::name).containsExactly("b");
        assertThat(run("", "--file", file().toString(), "remove", "a")).isEqualTo(1);
        assertThat(stderr()).contains("no user 'a'");
    }

    @Test
    void listsUsersAndTokensWithoutSecrets() {
        run("first-password-1\n", "--file", file().toString(), "add", "a", "--roles", "write,read");
        run("", "--file", file().toString(), "token", "t", "--roles", "admin");
        out.reset();
        assertThat(run("", "--file", file().toString(), "list")).isEqualTo(0);
        assertThat(stdout()).contains("user  a [read, write]", "token t [admin]").doesNotContain("pbkdf2");
    }

    @Test
    void hashesAPasswordFromStdin() {
        assertThat(run("a-password-to-hash\n", "hash")).isEqualTo(0);
        String hash = stdout().trim();
        assertThat(hash).startsWith("pbkdf2-sha256$10000$");
        assertThat(PasswordHasher.verify("a-password-to-hash".toCharArray(), hash)).isTrue();
    }

    @Test
    void refusesToEditAnInvalidFile() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{broken");
        assertThat(run("long-enough-password\n", "--file", file().toString(), "add", "op", "--roles", "read"))
                .isEqualTo(1);
        assertThat(stderr()).contains("invalid");
        assertThat(Files.readString(file())).isEqualTo("{broken");
    }

    @Test
    void resolvesTheDefaultFileUnderTheHomeFolder() {
        assertThat(UsersFilePaths.resolve(null, "/opt/station")).isEqualTo(Path.of("/opt/station/conf/users.json"));
        assertThat(UsersFilePaths.resolve("/etc/users.json", "/opt/station")).isEqualTo(Path.of("/etc/users.json"));
        assertThat(UsersFilePaths.resolve("my/users.json", null))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("my/users.json"));
    }
}

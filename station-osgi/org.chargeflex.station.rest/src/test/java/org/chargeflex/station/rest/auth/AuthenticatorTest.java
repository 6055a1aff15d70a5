package org.chargeflex.station.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
    private static final String TOKEN = "token-for-the-cio-backend";

    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private Path file;
    private CredentialCache cache;
    private UserStore store;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("users.json");
        writeUsers("reader-password");
        cache = new CredentialCache(100, 60_000, clock::get);
        store = new UserStore(file, clock::get);
    }

    private void writeUsers(String readerPassword) throws Exception {
        new UsersFile(List.of(
                new UsersFile.User("reader", HASHER.hash(readerPassword.toCharArray()), Set.of(Role.READ)),
                new UsersFile.User("writer", HASHER.hash("writer-password".toCharArray()), Set.of(Role.WRITE)),
                new UsersFile.User("admin", HASHER.hash("admin-password".toCharArray()), Set.of(Role.ADMIN))),
                List.of(new UsersFile.Token("cio", TokenDigest.sha256Hex(TOKEN), Set.of(Role.READ))))
                .writeAtomically(file);
    }

    private Authenticator auth(boolean allowPlainHttpFromRemote) {
        return new Authenticator(store, cache, allowPlainHttpFromRemote);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int status(AuthDecision d) {
        return d instanceof AuthDecision.Refused r ? r.status() : 200;
    }

    @Test
    void letsAUserWithTheRightPasswordAndRoleIn() {
        AuthDecision d = auth(false).authorize(false, "127.0.0.1", "GET", basic("reader", "reader-password"));
        assertThat(d).isInstanceOf(AuthDecision.Allowed.class);
        AuthPrincipal p = ((AuthDecision.Allowed) d).principal();
        assertThat(p.getName()).isEqualTo("reader");
        assertThat(p.roles()).containsExactly(Role.READ);
        assertThat(p.scheme()).isEqualTo("BASIC");
    }

    @Test
    void refusesMissingOrWrongCredentialsWith401() {
        Authenticator a = auth(false);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", null))).isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("reader", "wrong")))).isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("nobody", "reader-password"))))
                .isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", "Basic not-base64!"))).isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", "Basic "
                + Base64.getEncoder().encodeToString("no-colon".getBytes())))).isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", "Bearer wrong-token"))).isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", "Bearer"))).isEqualTo(401);
        assertThat(((AuthDecision.Refused) a.authorize(false, "127.0.0.1", "GET", null)).needsChallenge()).isTrue();
        assertThat(cache.size()).as("failures are not cached").isZero();
    }

    @Test
    void checksTheRoleTheMethodNeeds() {
        Authenticator a = auth(false);
        assertThat(status(a.authorize(false, "127.0.0.1", "PUT", basic("reader", "reader-password"))))
                .isEqualTo(403);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("writer", "writer-password"))))
                .as("write does not imply read").isEqualTo(403);
        assertThat(status(a.authorize(false, "127.0.0.1", "PUT", basic("writer", "writer-password"))))
                .isEqualTo(200);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("admin", "admin-password"))))
                .isEqualTo(200);
        assertThat(status(a.authorize(false, "127.0.0.1", "PUT", basic("admin", "admin-password"))))
                .isEqualTo(200);
        assertThat(status(a.authorize(false, "127.0.0.1", "HEAD", basic("reader", "reader-password"))))
                .isEqualTo(200);
        assertThat(status(a.authorize(false, "127.0.0.1", "DELETE", basic("reader", "reader-password"))))
                .isEqualTo(403);
    }

    @Test
    void acceptsABearerTokenForItsRoles() {
        Authenticator a = auth(false);
        AuthDecision d = a.authorize(false, "127.0.0.1", "GET", "Bearer " + TOKEN);
        assertThat(d).isInstanceOf(AuthDecision.Allowed.class);
        assertThat(((AuthDecision.Allowed) d).principal().name()).isEqualTo("cio");
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", "bearer " + TOKEN))).isEqualTo(200);
        assertThat(status(a.authorize(false, "127.0.0.1", "PUT", "Bearer " + TOKEN))).isEqualTo(403);
    }

    @Test
    void refusesPlainHttpFromOtherHostsBeforeLookingAtCredentials() {
        AuthDecision d = auth(false).authorize(false, "192.0.2.10", "GET", null);
        assertThat(status(d)).isEqualTo(403);
        assertThat(((AuthDecision.Refused) d).title()).isEqualTo("use HTTPS");
        assertThat(status(auth(false).authorize(true, "192.0.2.10", "GET", basic("reader", "reader-password"))))
                .isEqualTo(200);
        assertThat(status(auth(true).authorize(false, "192.0.2.10", "GET", null))).isEqualTo(401);
        assertThat(status(auth(false).authorize(false, "[::1]", "GET", basic("reader", "reader-password"))))
                .isEqualTo(200);
    }

    @Test
    void tellsLoopbackAddressesWithoutLookingUpNames() {
        assertThat(Authenticator.isLoopback("127.0.0.1")).isTrue();
        assertThat(Authenticator.isLoopback("127.1.2.3")).isTrue();
        assertThat(Authenticator.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Authenticator.isLoopback("[::1]")).isTrue();
        assertThat(Authenticator.isLoopback("::ffff:127.0.0.1")).isTrue();
        assertThat(Authenticator.isLoopback("10.0.0.1")).isFalse();
        assertThat(Authenticator.isLoopback("localhost")).isFalse();
        assertThat(Authenticator.isLoopback("")).isFalse();
        assertThat(Authenticator.isLoopback(null)).isFalse();
    }

    @Test
    void cachesSuccessfulChecksUntilTheUsersFileChanges() throws Exception {
        Authenticator a = auth(false);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("reader", "reader-password"))))
                .isEqualTo(200);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("reader", "reader-password"))))
                .isEqualTo(200);
        assertThat(cache.size()).isEqualTo(1);

        writeUsers("new-reader-password");
        clock.addAndGet(UserStore.CHECK_INTERVAL_MILLIS);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("reader", "reader-password"))))
                .as("the cached old password is no longer accepted").isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("reader", "new-reader-password"))))
                .isEqualTo(200);
    }

    @Test
    void refusesEveryoneWithoutAUsersFile() {
        Authenticator a = new Authenticator(new UserStore(dir.resolve("missing.json"), clock::get), cache, false);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("reader", "reader-password"))))
                .isEqualTo(401);
        assertThat(status(a.authorize(false, "127.0.0.1", "GET", basic("admin", "admin")))).isEqualTo(401);
    }
}

package org.chargeflex.station.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(1_000_000);

    private Path file() {
        return dir.resolve("users.json");
    }

    private void write(String... names) throws Exception {
        UsersFile f = UsersFile.empty();
        for (String n : names) {
            f = f.withUser(new UsersFile.User(n, UsersFileTest.HASH, Set.of(Role.READ)));
        }
        f.writeAtomically(file());
    }

    @Test
    void loadsTheFileAtStart() throws Exception {
        write("alice");
        UserStore store = new UserStore(file(), clock::get);
        assertThat(store.current().user("alice")).isPresent();
        assertThat(store.current().user("bob")).isEmpty();
    }

    @Test
    void looksForChangesAtMostOncePerSecond() throws Exception {
        write("alice");
        UserStore store = new UserStore(file(), clock::get);
        long first = store.current().generation();
        write("bob");
        clock.addAndGet(UserStore.CHECK_INTERVAL_MILLIS - 1);
        assertThat(store.current().user("bob")).as("not looked at yet").isEmpty();
        clock.addAndGet(1);
        assertThat(store.current().user("bob")).isPresent();
        assertThat(store.current().user("alice")).isEmpty();
        assertThat(store.current().generation()).isGreaterThan(first);
    }

    @Test
    void keepsTheSameStateWhileTheFileIsUnchanged() throws Exception {
        write("alice");
        UserStore store = new UserStore(file(), clock::get);
        Users before = store.current();
        clock.addAndGet(5 * UserStore.CHECK_INTERVAL_MILLIS);
        assertThat(store.current()).isSameAs(before);
    }

    @Test
    void failsClosedWithoutAFileOrWithABrokenOne() throws Exception {
        UserStore store = new UserStore(file(), clock::get);
        assertThat(store.current().isEmpty()).isTrue();
        write("alice");
        clock.addAndGet(UserStore.CHECK_INTERVAL_MILLIS);
        assertThat(store.current().user("alice")).isPresent();
        Files.writeString(file(), "{\"users\":[{\"name\":\"alice\"");
        clock.addAndGet(UserStore.CHECK_INTERVAL_MILLIS);
        assertThat(store.current().isEmpty()).as("a broken file grants nothing").isTrue();
        Files.delete(file());
        write("carol");
        clock.addAndGet(UserStore.CHECK_INTERVAL_MILLIS);
        assertThat(store.current().user("carol")).isPresent();
    }

    @Test
    void findsTokensByDigest() throws Exception {
        new UsersFile(List.of(), List.of(new UsersFile.Token("cio", TokenDigest.sha256Hex("my-secret-token"),
                Set.of(Role.READ)))).writeAtomically(file());
        Users users = new UserStore(file(), clock::get).current();
        assertThat(users.tokenWithDigest(TokenDigest.sha256("my-secret-token".getBytes()))).isPresent();
        assertThat(users.tokenWithDigest(TokenDigest.sha256("other".getBytes()))).isEmpty();
        assertThat(TokenDigest.sha256Hex("my-secret-token")).isEqualTo(UsersFileTest.SHA);
    }
}

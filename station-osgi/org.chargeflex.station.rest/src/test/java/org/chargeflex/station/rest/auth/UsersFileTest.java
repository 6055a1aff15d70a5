package org.chargeflex.station.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {
    static final String HASH =
            "pbkdf2-sha256$10000$AAECAwQFBgcICQoLDA0ODw==$2flfZcLfnShdJogjAMpb4p4+1QBVZmODXExi4nBRUCI=";
    static final String SHA = "ea5add57437cbf20af59034d7ed17968dcc56767b41965fcc5b376d45db8b4a3";

    private static UsersFile parse(String json) throws UsersFileException {
        return UsersFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUsersAndTokensWithRoles() throws Exception {
        UsersFile f = parse("{\"users\":[{\"name\":\"operator\",\"passwordHash\":\"" + HASH
                + "\",\"roles\":[\"read\",\"WRITE\"]}],\"tokens\":[{\"name\":\"cio\",\"sha256\":\""
                + SHA.toUpperCase() + "\",\"roles\":[\"admin\"]}],\"comment\":\"ignored\"}");
        assertThat(f.users()).containsExactly(new UsersFile.User("operator", HASH, Set.of(Role.READ, Role.WRITE)));
        assertThat(f.tokens()).containsExactly(new UsersFile.Token("cio", SHA, Set.of(Role.ADMIN)));
    }

    @Test
    void readsAnEmptyObjectOrEmptyFileAsNoUsers() throws Exception {
        assertThat(parse("{}")).isEqualTo(UsersFile.empty());
        assertThat(parse("")).isEqualTo(UsersFile.empty());
        assertThat(parse("{\"users\":[],\"tokens\":null}")).isEqualTo(UsersFile.empty());
    }

    @Test
    void saysWhatIsWrongWithABadFile() {
        assertThatThrownBy(() -> parse("{\"users\":[")).isInstanceOf(UsersFileException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("top level");
        assertThatThrownBy(() -> parse("{\"users\":{}}")).hasMessageContaining("\"users\" must be an array");
        assertThatThrownBy(() -> parse("{\"users\":[{\"name\":\"a\",\"passwordHash\":\"" + HASH
                + "\",\"roles\":[\"raed\"]}]}")).hasMessageContaining("users[0] (a): unknown role 'raed'");
        assertThatThrownBy(() -> parse("{\"users\":[{\"name\":\"a\",\"passwordHash\":\"secret\"}]}"))
                .hasMessageContaining("users[0] (a)").hasMessageContaining("must look like");
        assertThatThrownBy(() -> parse("{\"users\":[{\"name\":\"a:b\",\"passwordHash\":\"" + HASH + "\"}]}"))
                .hasMessageContaining("name 'a:b'");
        assertThatThrownBy(() -> parse("{\"users\":[{\"passwordHash\":\"" + HASH + "\"}]}"))
                .hasMessageContaining("\"name\" must be a non-empty string");
        assertThatThrownBy(() -> parse("{\"tokens\":[{\"name\":\"t\",\"sha256\":\"abc\"}]}"))
                .hasMessageContaining("tokens[0] (t): sha256 must be 64 hex digits");
        String user = "{\"name\":\"a\",\"passwordHash\":\"" + HASH + "\"}";
        assertThatThrownBy(() -> parse("{\"users\":[" + user + "," + user + "]}"))
                .hasMessageContaining("user name 'a' appears more than once");
        assertThatThrownBy(() -> parse("{\"users\":[],\"users\":[]}")).hasMessageContaining("Duplicate field");
    }

    @Test
    void writesWhatItReadsAtomicallyAndOwnerOnly(@TempDir Path dir) throws Exception {
        UsersFile f = new UsersFile(List.of(new UsersFile.User("operator", HASH, Set.of(Role.WRITE, Role.READ))),
                List.of(new UsersFile.Token("cio", SHA, Set.of(Role.READ))));
        Path file = dir.resolve("conf/users.json");
        f.writeAtomically(file);
        assertThat(UsersFile.read(file)).isEqualTo(f);
        assertThat(Files.readString(file)).contains("\"roles\" : [ \"read\", \"write\" ]");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("users.json");
        }
    }

    @Test
    void replacesAndRemovesEntriesByName() {
        UsersFile f = UsersFile.empty().withUser(new UsersFile.User("a", HASH, Set.of(Role.READ)))
                .withUser(new UsersFile.User("b", HASH, Set.of()))
                .withUser(new UsersFile.User("a", HASH, Set.of(Role.ADMIN)))
                .withToken(new UsersFile.Token("t", SHA, Set.of(Role.READ)));
        assertThat(f.users()).extracting(UsersFile.User::name).containsExactly("b", "a");
        assertThat(f.users().get(1).roles()).containsExactly(Role.ADMIN);
        assertThat(f.withoutUser("b").users()).extracting(UsersFile.User::name).containsExactly("a");
        assertThat(f.withoutToken("t").tokens()).isEmpty();
    }
}

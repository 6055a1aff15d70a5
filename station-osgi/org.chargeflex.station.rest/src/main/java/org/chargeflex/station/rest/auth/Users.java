package org.chargeflex.station.rest.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One loaded state of the users file, ready for lookups. {@link #generation()} changes with every reload, so results
 * cached against an older state can be told apart.
 */
final class Users {
    private record TokenEntry(byte[] sha256, UsersFile.Token token) {
    }

    private final long generation;
    private final Map<String, UsersFile.User> users;
    private final List<TokenEntry> tokens;

    Users(long generation, UsersFile file) {
        this.generation = generation;
        this.users = file.users().stream().collect(Collectors.toUnmodifiableMap(UsersFile.User::name,
                Function.identity()));
        this.tokens = file.tokens().stream()
                .map(t -> new TokenEntry(HexFormat.of().parseHex(t.sha256()), t)).toList();
    }

    long generation() {
        return generation;
    }

    boolean isEmpty() {
        return users.isEmpty() && tokens.isEmpty();
    }

    Optional<UsersFile.User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** The token whose digest is {@code sha256}; every entry is compared in constant time. */
    Optional<UsersFile.Token> tokenWithDigest(byte[] sha256) {
        UsersFile.Token found = null;
        for (TokenEntry e : tokens) {
            if (MessageDigest.isEqual(e.sha256(), sha256) && found == null) {
                found = e.token();
            }
        }
        return Optional.ofNullable(found);
    }
}

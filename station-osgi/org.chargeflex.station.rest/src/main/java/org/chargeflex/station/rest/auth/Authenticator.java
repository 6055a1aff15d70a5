package org.chargeflex.station.rest.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Decides whether a request may proceed: refuses plain HTTP from other hosts (unless allowed), then authenticates
 * HTTP Basic (users file password, PBKDF2, successful checks cached) or a bearer token (SHA-256 compared in constant
 * time), then checks the role the method needs: GET, HEAD and OPTIONS need {@code read}, every other method
 * {@code write}; {@code admin} has both.
 */
public final class Authenticator {
    public static final String REALM = "chargeflex-station";
    /** The challenge sent with every 401. */
    public static final String CHALLENGE = "Basic realm=\"" + REALM + "\", Bearer";
    static final int CACHE_ENTRIES = 1024;
    static final long CACHE_TTL_MILLIS = TimeUnit.MINUTES.toMillis(5);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final UserStore store;
    private final CredentialCache cache;
    private final boolean allowPlainHttpFromRemote;
    private volatile long cachedGeneration = -1;

    public Authenticator(UserStore store, boolean allowPlainHttpFromRemote) {
        this(store, new CredentialCache(CACHE_ENTRIES, CACHE_TTL_MILLIS, System::currentTimeMillis),
                allowPlainHttpFromRemote);
    }

    Authenticator(UserStore store, CredentialCache cache, boolean allowPlainHttpFromRemote) {
        this.store = store;
        this.cache = cache;
        this.allowPlainHttpFromRemote = allowPlainHttpFromRemote;
    }

    /**
     * @param secure whether the request came over TLS
     * @param remoteAddress the client's IP address as the servlet container reports it
     * @param method the HTTP method
     * @param authorization the {@code Authorization} header, or null
     */
    public AuthDecision authorize(boolean secure, String remoteAddress, String method, String authorization) {
        if (!secure && !allowPlainHttpFromRemote && !isLoopback(remoteAddress)) {
            return new AuthDecision.Refused(403, "use HTTPS",
                    "plain HTTP is only accepted from this machine; connect over HTTPS");
        }
        if (authorization == null || authorization.isBlank()) {
            return new AuthDecision.Refused(401, "Unauthorized", "credentials are missing");
        }
        Optional<AuthPrincipal> principal = authenticate(authorization.trim());
        if (principal.isEmpty()) {
            return new AuthDecision.Refused(401, "Unauthorized", "the credentials are not valid");
        }
        Role needed = neededRole(method);
        if (!principal.get().may(needed)) {
            return new AuthDecision.Refused(403, "Forbidden",
                    "'" + principal.get().name() + "' lacks the " + needed.fileName() + " role needed for "
                            + method);
        }
        return new AuthDecision.Allowed(principal.get());
    }

    static Role neededRole(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> Role.READ;
            default -> Role.WRITE;
        };
    }

    private Optional<AuthPrincipal> authenticate(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).trim();
        Users users = currentUsers();
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(users, credentials);
        }
        if (scheme.equalsIgnoreCase("Bearer") && !credentials.isEmpty()) {
            return users.tokenWithDigest(TokenDigest.sha256(credentials.getBytes(StandardCharsets.UTF_8)))
                    .map(t -> new AuthPrincipal(t.name(), t.roles(), "BEARER"));
        }
        return Optional.empty();
    }

    private Optional<AuthPrincipal> basic(Users users, String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = cache.key(name, password);
        AuthPrincipal cached = cache.get(key, users.generation());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UsersFile.User> user = users.user(name);
        if (user.isEmpty()) {
            // Same work as for a real user, so that timing does not tell which names exist.
            PasswordHasher.verify(password.toCharArray(), DummyHash.VALUE);
            return Optional.empty();
        }
        if (!PasswordHasher.verify(password.toCharArray(), user.get().passwordHash())) {
            return Optional.empty();
        }
        AuthPrincipal p = new AuthPrincipal(name, user.get().roles(), "BASIC");
        cache.put(key, users.generation(), p);
        return Optional.of(p);
    }

    private Users currentUsers() {
        Users users = store.current();
        if (users.generation() != cachedGeneration) {
            cache.clear();
            cachedGeneration = users.generation();
        }
        return users;
    }

    /** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback; anything unparseable counts as remote. */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!IPV4.matcher(a).matches() && !IPV6.matcher(a).matches()) {
            return false; // never resolve host names here
        }
        try {
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static final class DummyHash {
        static final String VALUE = new PasswordHasher().hash("not-a-real-password".toCharArray());
    }
}

package org.chargeflex.gateway.core.server;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/** The SCADA client addresses a protocol server accepts; shared by the protocol modules' builders. */
public final class AllowedClients {
    private AllowedClients() {
    }

    /**
     * Checks a configured allow-list: it must not be null or empty (there is no default).
     *
     * @return an immutable copy of {@code clients}
     * @throws NullPointerException if {@code clients} is null
     * @throws IllegalArgumentException if {@code clients} is empty
     */
    public static Set<InetAddress> require(Set<InetAddress> clients) {
        Objects.requireNonNull(clients, "allowedClients");
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("at least one allowed SCADA client address is required");
        }
        return Set.copyOf(clients);
    }
}

package org.chargeflex.cio.forwarding;

import java.net.URI;
import java.util.List;
import org.chargeflex.cio.contract.UserIdentification;

/**
 * A fleet operator's or DNO's energy management service that charging requests are forwarded to.
 *
 * @param members              EV users (fleet services) whose requests go to this service
 * @param gridConnectionPoints grid connection points (DNO services) whose requests go to this service
 */
public record ManagementService(long id, String name, Kind kind, URI url, int timeoutMs, boolean enabled,
        List<UserIdentification> members, List<String> gridConnectionPoints) {

    /** A fleet operator's service (chosen by EV user) or a DNO's (chosen by grid connection point). */
    public enum Kind {
        FLEET, DNO
    }

    public ManagementService {
        members = List.copyOf(members);
        gridConnectionPoints = List.copyOf(gridConnectionPoints);
    }
}

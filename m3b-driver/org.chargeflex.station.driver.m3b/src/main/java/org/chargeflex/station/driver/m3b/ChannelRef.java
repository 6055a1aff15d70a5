package org.chargeflex.station.driver.m3b;

import java.util.Map;
import java.util.Set;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;

/**
 * A parsed channel address with its parameters: the kind, the outlet (parameter {@code outlet}, default 1) and for
 * {@code can_rx} an optional identifier filter (parameter {@code canId}, decimal or 0x-hex). Cached in the container's
 * handle.
 */
record ChannelRef(ChannelKind kind, int outlet, Integer canId) {

    static ChannelRef parse(String address, Map<String, String> parameters, int outletCount)
            throws ArgumentSyntaxException {
        ChannelKind kind = ChannelKind.ofAddress(address);
        if (kind == null) {
            throw new ArgumentSyntaxException("m3b: unknown channel address '" + address + "'");
        }
        Set<String> allowed = kind == ChannelKind.CAN_RX ? Set.of("outlet", "canId")
                : kind.perOutlet() ? Set.of("outlet") : Set.of();
        for (String p : parameters.keySet()) {
            if (!allowed.contains(p)) {
                throw new ArgumentSyntaxException("m3b: channel '" + address + "' has no parameter '" + p
                        + "'; allowed: " + allowed);
            }
        }
        int outlet = 1;
        String o = parameters.get("outlet");
        if (o != null) {
            try {
                outlet = Integer.parseInt(o.trim());
            } catch (NumberFormatException e) {
                throw new ArgumentSyntaxException("m3b: outlet must be an integer, got '" + o + "'", e);
            }
        }
        if (outlet < 1 || outlet > outletCount) {
            throw new ArgumentSyntaxException("m3b: outlet must be 1.." + outletCount + " on this board, got "
                    + outlet);
        }
        Integer canId = null;
        String c = parameters.get("canId");
        if (c != null) {
            try {
                canId = Integer.decode(c.trim());
            } catch (NumberFormatException e) {
                throw new ArgumentSyntaxException("m3b: canId must be a number (e.g. 0x18FF50E5), got '" + c + "'", e);
            }
        }
        return new ChannelRef(kind, outlet, canId);
    }
}

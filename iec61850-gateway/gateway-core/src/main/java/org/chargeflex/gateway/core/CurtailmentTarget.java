package org.chargeflex.gateway.core;

import java.util.Objects;

/**
 * What a curtailment limits: a station or a grid connection point (the CIO's two curtailment scopes,
 * {@code PUT /api/v1/admin/grid/curtailments/stations/{id}} and {@code .../grid-connection-points/{id}}).
 */
public record CurtailmentTarget(Scope scope, String id) {
    /** The two scopes of the CIO's curtailment API. */
    public enum Scope {
        STATION, GRID_CONNECTION_POINT
    }

    public CurtailmentTarget {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("target id must not be blank");
        }
    }

    public static CurtailmentTarget station(String id) {
        return new CurtailmentTarget(Scope.STATION, id);
    }

    public static CurtailmentTarget gridConnectionPoint(String id) {
        return new CurtailmentTarget(Scope.GRID_CONNECTION_POINT, id);
    }

    @Override
    public String toString() {
        return (scope == Scope.STATION ? "station " : "grid connection point ") + id;
    }
}

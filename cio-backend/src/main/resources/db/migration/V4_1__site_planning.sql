-- Per grid connection point (site): the objective its sessions are planned for and the series the optimiser needs
-- (package site, docs/cio-backend.md "Objectives per site"). A series is a list of steps: each value applies from
-- valid_from until the next step of the same kind; the last one from then on.
CREATE TABLE site_planning (
    grid_connection_point varchar(64) PRIMARY KEY REFERENCES grid_connection_points (id) ON DELETE CASCADE,
    objective             varchar(16) NOT NULL CHECK (objective IN ('PEAK', 'RENEWABLE', 'TARIFF')),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE site_series (
    grid_connection_point varchar(64)      NOT NULL REFERENCES grid_connection_points (id) ON DELETE CASCADE,
    kind                  varchar(16)      NOT NULL CHECK (kind IN ('BASE_LOAD', 'RENEWABLE', 'PRICE')),
    valid_from            timestamptz      NOT NULL,
    value                 double precision NOT NULL,
    PRIMARY KEY (grid_connection_point, kind, valid_from)
);

-- ChargeFlex CIO backend: initial schema. Never edit a released migration; add V2__... instead.
-- Identifiers coming from stations are at most 64 characters (see org.chargeflex.cio.contract).

CREATE TABLE grid_connection_points (
    id          varchar(64)      PRIMARY KEY,
    name        varchar(200)     NOT NULL,
    max_power_w double precision NOT NULL CHECK (max_power_w > 0),
    created_at  timestamptz      NOT NULL DEFAULT now(),
    updated_at  timestamptz      NOT NULL DEFAULT now()
);

CREATE TABLE stations (
    id                    varchar(64)      PRIMARY KEY,
    name                  varchar(200)     NOT NULL,
    latitude              double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude             double precision CHECK (longitude BETWEEN -180 AND 180),
    grid_connection_point varchar(64)      REFERENCES grid_connection_points (id),
    max_power_w           double precision NOT NULL CHECK (max_power_w > 0),
    rest_base_url         varchar(500),
    -- the station's own credential (HTTP Basic: station id + secret), hashed by Spring Security's DelegatingPasswordEncoder
    credential_hash       varchar(200),
    -- the CIO's credential for calling the station's REST server; the password is AES-GCM encrypted (SecretBox)
    access_username       varchar(100),
    access_password_enc   varchar(400),
    last_seen_at          timestamptz,
    created_at            timestamptz      NOT NULL DEFAULT now(),
    updated_at            timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX stations_grid_connection_point_idx ON stations (grid_connection_point);

CREATE TABLE outlets (
    station_id  varchar(64)      NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    id          varchar(64)      NOT NULL,
    max_power_w double precision NOT NULL CHECK (max_power_w > 0),
    phases      smallint         NOT NULL CHECK (phases BETWEEN 1 AND 3),
    PRIMARY KEY (station_id, id)
);

-- Operator accounts (people and systems using the admin API), not EV users.
CREATE TABLE users (
    name          varchar(64)  PRIMARY KEY,
    password_hash varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
    user_name varchar(64) NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    role      varchar(20) NOT NULL CHECK (role IN ('OPERATOR', 'FLEET_OPERATOR', 'DNO', 'READ_ONLY')),
    PRIMARY KEY (user_name, role)
);

CREATE TABLE sessions (
    station_id             varchar(64)      NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    id                     varchar(64)      NOT NULL,
    outlet_id              varchar(64)      NOT NULL,
    user_type              varchar(16),
    user_token             varchar(64),
    energy_demand_wh       double precision,
    ev_max_power_w         double precision,
    ev_min_power_w         double precision,
    phases                 smallint,
    planned_departure      timestamptz,
    management_service_url varchar(500),
    state                  varchar(16)      NOT NULL CHECK (state IN ('PLANNED', 'CHARGING', 'FINISHED')),
    started_at             timestamptz,
    start_energy_wh        double precision,
    stopped_at             timestamptz,
    stop_energy_wh         double precision,
    created_at             timestamptz      NOT NULL DEFAULT now(),
    updated_at             timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (station_id, id)
);
CREATE INDEX sessions_open_idx ON sessions (station_id) WHERE state <> 'FINISHED';

-- Every plan of a session is a new immutable row (version 1, 2, ...); the highest version is the current schedule.
-- Its id is the strong ETag of GET .../schedule.
CREATE TABLE schedules (
    id                    varchar(64)        PRIMARY KEY,
    station_id            varchar(64)        NOT NULL,
    session_id            varchar(64)        NOT NULL,
    version               integer            NOT NULL CHECK (version >= 1),
    start_time            timestamptz        NOT NULL,
    valid_until           timestamptz        NOT NULL,
    poll_interval_s       integer            NOT NULL CHECK (poll_interval_s BETWEEN 1 AND 86400),
    period_offsets_s      bigint[]           NOT NULL,
    period_max_power_w    double precision[] NOT NULL,
    peak_power_w          double precision   NOT NULL,
    origin                varchar(16)        NOT NULL CHECK (origin IN ('PLANNER', 'FORWARDED')),
    management_service_id bigint,
    created_at            timestamptz        NOT NULL DEFAULT now(),
    UNIQUE (station_id, session_id, version),
    FOREIGN KEY (station_id, session_id) REFERENCES sessions (station_id, id) ON DELETE CASCADE,
    CHECK (valid_until > start_time),
    CHECK (cardinality(period_offsets_s) >= 1 AND cardinality(period_offsets_s) = cardinality(period_max_power_w))
);

-- Idempotent on (station, sequence number): a repeated value is ignored.
CREATE TABLE meter_values (
    station_id      varchar(64)      NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    sequence_number bigint           NOT NULL CHECK (sequence_number >= 0),
    outlet_id       varchar(64)      NOT NULL,
    session_id      varchar(64),
    measured_at     timestamptz      NOT NULL,
    energy_wh       double precision NOT NULL,
    power_w         double precision NOT NULL,
    current_l1_a    double precision,
    current_l2_a    double precision,
    current_l3_a    double precision,
    received_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (station_id, sequence_number)
);
CREATE INDEX meter_values_outlet_time_idx ON meter_values (station_id, outlet_id, measured_at);

-- Idempotent on (station, sequence number), like meter values.
CREATE TABLE session_records (
    station_id      varchar(64)      NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    sequence_number bigint           NOT NULL CHECK (sequence_number >= 0),
    kind            varchar(8)       NOT NULL CHECK (kind IN ('START', 'STOP')),
    session_id      varchar(64)      NOT NULL,
    outlet_id       varchar(64)      NOT NULL,
    user_type       varchar(16),
    user_token      varchar(64),
    start_time      timestamptz      NOT NULL,
    start_energy_wh double precision NOT NULL,
    stop_time       timestamptz,
    stop_energy_wh  double precision,
    received_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (station_id, sequence_number)
);

-- Energy management services of fleet operators and DNOs that charging requests are forwarded to.
CREATE TABLE management_services (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(200) NOT NULL UNIQUE,
    kind       varchar(8)   NOT NULL CHECK (kind IN ('FLEET', 'DNO')),
    url        varchar(500) NOT NULL UNIQUE,
    timeout_ms integer      NOT NULL CHECK (timeout_ms BETWEEN 50 AND 60000),
    enabled    boolean      NOT NULL DEFAULT true,
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- EV users (by identification) that belong to a fleet service; one service per EV user.
CREATE TABLE management_service_members (
    user_type  varchar(16) NOT NULL,
    user_token varchar(64) NOT NULL,
    service_id bigint      NOT NULL REFERENCES management_services (id) ON DELETE CASCADE,
    PRIMARY KEY (user_type, user_token)
);

-- Grid connection points that a DNO service manages; one service per grid connection point.
CREATE TABLE management_service_grid_points (
    grid_connection_point varchar(64) PRIMARY KEY REFERENCES grid_connection_points (id) ON DELETE CASCADE,
    service_id            bigint      NOT NULL REFERENCES management_services (id) ON DELETE CASCADE
);

CREATE TABLE forwarding_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    station_id  varchar(64)  NOT NULL,
    session_id  varchar(64)  NOT NULL,
    service_id  bigint       REFERENCES management_services (id) ON DELETE SET NULL,
    url         varchar(500) NOT NULL,
    outcome     varchar(20)  NOT NULL CHECK (outcome IN ('ACCEPTED', 'NOT_REGISTERED', 'TIMEOUT', 'UNREACHABLE',
                                                         'HTTP_ERROR', 'INVALID_ANSWER', 'LIMITS_CHANGED')),
    detail      varchar(1000),
    duration_ms integer      NOT NULL
);
CREATE INDEX forwarding_log_session_idx ON forwarding_log (station_id, session_id);

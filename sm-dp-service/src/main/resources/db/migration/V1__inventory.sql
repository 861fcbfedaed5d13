-- SM-DP profile inventory (DESIGN.md sections 6 and 7). Portable between H2 2.x and PostgreSQL: VARCHAR, TEXT,
-- BIGINT, TIMESTAMP WITH TIME ZONE only. State values are checked in code (io.openrsp.smdp.inventory.ProfileState),
-- not with CHECK (... IN ...).

-- One profile: its identifiers in clear, the DER profile package sealed (AES-256-CBC + HMAC-SHA-256, base64, bound
-- to the ICCID by the associated data). order_id and eid are set while ALLOCATED and kept once INSTALLED.
CREATE TABLE profile (
    iccid          VARCHAR(20)              NOT NULL PRIMARY KEY,
    imsi           VARCHAR(15)              NOT NULL,
    profile_type   VARCHAR(100)             NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    sealed_package TEXT                     NOT NULL,
    order_id       VARCHAR(128),
    eid            VARCHAR(32),
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    allocated_at   TIMESTAMP WITH TIME ZONE,
    installed_at   TIMESTAMP WITH TIME ZONE,
    version        BIGINT                   NOT NULL,
    CONSTRAINT profile_imsi_unique UNIQUE (imsi),
    -- One profile per order: a second allocation for the same order fails here even when two race.
    CONSTRAINT profile_order_unique UNIQUE (order_id)
);

-- allocate(): the AVAILABLE profiles of one type, oldest first.
CREATE INDEX profile_type_state ON profile (profile_type, state, imported_at);

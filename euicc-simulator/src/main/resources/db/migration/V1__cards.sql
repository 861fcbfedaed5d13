-- The simulator's virtual cards (DESIGN.md section 7). Portable between H2 2.x and PostgreSQL: VARCHAR, BIGINT,
-- INTEGER, BOOLEAN, TIMESTAMP WITH TIME ZONE only; binary values as base64 (sealed blobs, certificates) or hex.

-- One row per card. ecasd_private and key_material are AES-256-GCM sealed under data keys derived from the master
-- key (never a key in clear); key_material, smsr_id and scp80_counter stay null until ES1 registration.
CREATE TABLE card (
    eid                   VARCHAR(32)              NOT NULL PRIMARY KEY,
    ecasd_private         VARCHAR(200)             NOT NULL,
    ecasd_certificate     VARCHAR(4000)            NOT NULL,
    memory_bytes          BIGINT                   NOT NULL,
    key_material          VARCHAR(1000),
    smsr_id               VARCHAR(128),
    scp80_counter         VARCHAR(12),
    reachable             BOOLEAN                  NOT NULL,
    next_notification_seq INTEGER                  NOT NULL,
    version               BIGINT                   NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT card_memory_positive CHECK (memory_bytes > 0),
    CONSTRAINT card_next_seq CHECK (next_notification_seq BETWEEN 1 AND 65535)
);

-- The ISD-Ps of each card. AID: upper-case hex. At most one ENABLED per card is kept by the card model (a partial
-- unique index would say it in SQL, but H2 has none).
CREATE TABLE isdp (
    eid          VARCHAR(32)              NOT NULL REFERENCES card (eid),
    aid          VARCHAR(32)              NOT NULL,
    life_cycle   VARCHAR(8)               NOT NULL,
    fallback     BOOLEAN                  NOT NULL,
    memory_quota BIGINT                   NOT NULL,
    iccid        VARCHAR(20),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (eid, aid),
    CONSTRAINT isdp_life_cycle CHECK (life_cycle IN ('CREATED', 'DISABLED', 'ENABLED')),
    CONSTRAINT isdp_quota CHECK (memory_quota >= 0)
);

-- Notifications the card raised and the SM-SR has not yet confirmed (3A08 removes the row).
CREATE TABLE notification (
    eid        VARCHAR(32)              NOT NULL REFERENCES card (eid),
    seq        INTEGER                  NOT NULL,
    type       VARCHAR(32)              NOT NULL,
    aid        VARCHAR(32),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (eid, seq),
    CONSTRAINT notification_seq CHECK (seq BETWEEN 0 AND 65535)
);

-- SM-SR state (DESIGN.md section 7): the EIS, its audit trail, processed function calls and received notifications.
-- Portable between H2 2.x and PostgreSQL: VARCHAR/TEXT, BIGINT/INTEGER/BOOLEAN, TIMESTAMP WITH TIME ZONE only;
-- binary values as base64 or hex text. Uniqueness that needs a partial index (one ICCID per card, where set) is
-- enforced in code under the per-card lock.

-- One registered eUICC (GSMA SGP.02 v4.2 EIS). sealed_keys: the card's SCP80 key set and SCP81 PSK
-- (CardKeyMaterial), AES-256-GCM under a data key derived from the master key, context = the EID's BCD bytes.
-- scp80_counter: hex of the last SCP80 counter sent to the card. next_isdp_tar: the TAR the next ISD-P gets.
CREATE TABLE euicc (
    eid                           VARCHAR(32)              NOT NULL PRIMARY KEY,
    eum_id                        VARCHAR(128)             NOT NULL,
    ecasd_aid                     VARCHAR(32)              NOT NULL,
    ecasd_certificate             TEXT                     NOT NULL,
    production_date               TIMESTAMP WITH TIME ZONE,
    platform_type                 VARCHAR(64),
    platform_version              VARCHAR(64),
    remaining_memory              BIGINT,
    available_memory_for_profiles BIGINT,
    isdr_aid                      VARCHAR(32)              NOT NULL,
    smsr_id                       VARCHAR(128)             NOT NULL,
    registered_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    attached_at                   TIMESTAMP WITH TIME ZONE,
    last_audit_date               TIMESTAMP WITH TIME ZONE,
    sealed_keys                   TEXT                     NOT NULL,
    scp80_counter                 VARCHAR(16)              NOT NULL,
    next_isdp_tar                 VARCHAR(6)               NOT NULL,
    version                       BIGINT                   NOT NULL
);

-- The ISD-Ps of each eUICC and the profile each holds. state: CREATED, DISABLED or ENABLED (the ProfileState names;
-- no CHECK constraint: H2 2.4.240 binds a string CHECK to the session that created it and fails every insert once
-- that connection is closed). pol2: JSON array of Pol2Rule. iccid is NULL for an ISD-P the SM-SR learnt of by audit
-- only.
CREATE TABLE isdp (
    eid              VARCHAR(32)  NOT NULL,
    aid              VARCHAR(32)  NOT NULL,
    tar              VARCHAR(6)   NOT NULL,
    state            VARCHAR(8)   NOT NULL,
    iccid            VARCHAR(20),
    mno_id           VARCHAR(128),
    smdp_id          VARCHAR(128),
    profile_type     VARCHAR(128),
    fallback         BOOLEAN      NOT NULL,
    allocated_memory BIGINT,
    imsi             VARCHAR(15),
    msisdn           VARCHAR(20),
    pol2             TEXT,
    PRIMARY KEY (eid, aid),
    CONSTRAINT isdp_euicc FOREIGN KEY (eid) REFERENCES euicc (eid)
);
CREATE INDEX isdp_eid_iccid ON isdp (eid, iccid);

-- What happened to each eUICC, for operators and audits. Never keys or other secrets.
CREATE TABLE audit_trail (
    id        VARCHAR(36)              NOT NULL PRIMARY KEY,
    eid       VARCHAR(32)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    operation VARCHAR(64)              NOT NULL,
    requester VARCHAR(1024),
    outcome   VARCHAR(32)              NOT NULL,
    detail    VARCHAR(512)
);
CREATE INDEX audit_trail_eid_at ON audit_trail (eid, occurred_at);

-- Processed ES1/ES3 function calls (DESIGN.md section 3.1): a repeated functionCallIdentifier of the same requester
-- gets the stored response and nothing runs twice.
CREATE TABLE function_call (
    requester     VARCHAR(1024)            NOT NULL,
    call_id       VARCHAR(128)             NOT NULL,
    function_name VARCHAR(64)              NOT NULL,
    response      TEXT                     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (requester, call_id)
);

-- Notifications the eUICCs sent (DESIGN.md section 3.3); the primary key makes a redelivery idempotent.
CREATE TABLE notification (
    eid         VARCHAR(32)              NOT NULL,
    seq         INTEGER                  NOT NULL,
    type        VARCHAR(32)              NOT NULL,
    isdp_aid    VARCHAR(32),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (eid, seq)
);

-- ES8 at the ISD-P (DESIGN.md section 4 steps 3 and 4). Portable between H2 2.x and PostgreSQL like V1: VARCHAR,
-- INTEGER, BIGINT, TIMESTAMP WITH TIME ZONE only; sealed values AES-256-GCM under data keys derived from the master
-- key, base64 (never a key in clear). Rows are written only by complete steps: nothing partial of a download.

-- The SCP03 key set (KVN 30) the ES8 key establishment gave the ISD-P, and the SCP03t sequence counter last accepted
-- on it (replay protection across restarts). A new key establishment replaces the row (the counter restarts).
CREATE TABLE isdp_key_set (
    eid              VARCHAR(32)              NOT NULL,
    aid              VARCHAR(32)              NOT NULL,
    kvn              INTEGER                  NOT NULL,
    key_set          VARCHAR(200)             NOT NULL,
    sequence_counter INTEGER                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (eid, aid),
    FOREIGN KEY (eid, aid) REFERENCES isdp (eid, aid),
    CONSTRAINT isdp_key_set_kvn CHECK (kvn BETWEEN 1 AND 127),
    CONSTRAINT isdp_key_set_counter CHECK (sequence_counter BETWEEN 0 AND 16777215)
);

-- The profile installed in an ISD-P by the SCP03t download. ki_opc = K || OPc sealed. One profile per ISD-P, and an
-- ICCID at most once per card.
CREATE TABLE profile (
    eid          VARCHAR(32)              NOT NULL,
    aid          VARCHAR(32)              NOT NULL,
    iccid        VARCHAR(20)              NOT NULL,
    imsi         VARCHAR(15)              NOT NULL,
    profile_type VARCHAR(100),
    ki_opc       VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (eid, aid),
    FOREIGN KEY (eid, aid) REFERENCES isdp (eid, aid),
    CONSTRAINT profile_iccid_once UNIQUE (eid, iccid)
);

-- Root CA state (DESIGN.md section 7). Portable between H2 and PostgreSQL: no vendor types beyond BYTEA,
-- which H2 accepts as an alias of VARBINARY.

-- The CI's certificate and its private key sealed with AES-256-GCM (never the key in clear).
CREATE TABLE ca_key (
    purpose         VARCHAR(64)              NOT NULL PRIMARY KEY,
    certificate_der BYTEA                    NOT NULL,
    sealed_key      BYTEA                    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every certificate the CI issued. Serial: lower-case hex of the positive serial number.
CREATE TABLE issued_certificate (
    serial            VARCHAR(42)              NOT NULL PRIMARY KEY,
    subject           VARCHAR(1024)            NOT NULL,
    profile           VARCHAR(16)              NOT NULL,
    not_before        TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after         TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(8)               NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revocation_reason VARCHAR(32),
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    authorized_by     VARCHAR(1100)            NOT NULL,
    der               BYTEA                    NOT NULL,
    CONSTRAINT issued_certificate_status CHECK (status IN ('VALID', 'REVOKED'))
);
CREATE INDEX issued_certificate_status_profile ON issued_certificate (status, profile);

-- The current CRL: exactly one row (id = 1); crl_number only grows.
CREATE TABLE crl_state (
    id          SMALLINT                 NOT NULL PRIMARY KEY,
    crl_number  BIGINT                   NOT NULL,
    this_update TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update TIMESTAMP WITH TIME ZONE NOT NULL,
    der         BYTEA                    NOT NULL,
    CONSTRAINT crl_state_single_row CHECK (id = 1)
);

-- One-time enrollment tokens: the SHA-256 of the token only, never the token.
CREATE TABLE enrollment_token (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    token_hash VARCHAR(64)              NOT NULL UNIQUE,
    profile    VARCHAR(16)              NOT NULL,
    subject    VARCHAR(1024)            NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

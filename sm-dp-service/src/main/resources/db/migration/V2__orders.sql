-- SM-DP provisioning orders (DESIGN.md sections 4 and 7). Portable between H2 2.x and PostgreSQL like V1: VARCHAR,
-- INTEGER, BIGINT, BOOLEAN, TIMESTAMP WITH TIME ZONE only; state values are checked in code (OrderState, StepState),
-- not with CHECK (... IN ...), which H2 binds to the session that created it.

-- One ES2 DownloadProfile order. The profile is allocated in the transaction that inserts the row, so iccid and
-- profile_type are always set. attempt: the key establishment attempt, part of the ES3 call ids (a resumed order
-- restarts key establishment with attempt + 1). failure_*: why the order failed, written when a step fails (the
-- order is still RUNNING until the clean-up is done), the status_* columns the SM-SR's statusCodeData, if any.
CREATE TABLE orders (
    id                        VARCHAR(36)              NOT NULL PRIMARY KEY,
    operator_id               VARCHAR(128)             NOT NULL,
    call_id                   VARCHAR(128)             NOT NULL,
    eid                       VARCHAR(32)              NOT NULL,
    iccid                     VARCHAR(20)              NOT NULL,
    profile_type              VARCHAR(100)             NOT NULL,
    enable_profile            BOOLEAN                  NOT NULL,
    state                     VARCHAR(16)              NOT NULL,
    isdp_aid                  VARCHAR(32),
    attempt                   INTEGER                  NOT NULL,
    failure_step              VARCHAR(32),
    failure_reason            VARCHAR(64),
    failure_message           VARCHAR(1000),
    failure_subject_code      VARCHAR(16),
    failure_reason_code       VARCHAR(16),
    failure_subject_id        VARCHAR(128),
    failure_status_message    VARCHAR(512),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at              TIMESTAMP WITH TIME ZONE,
    version                   BIGINT                   NOT NULL,
    -- ES2 idempotency: a repeated functionCallIdentifier of the same operator finds this order.
    CONSTRAINT orders_call_unique UNIQUE (operator_id, call_id)
);

-- Resume at start-up and the admin listing: orders by state, oldest first.
CREATE INDEX orders_state_created ON orders (state, created_at);
-- Orders.operatorOf: who installed this ICCID on this eUICC.
CREATE INDEX orders_eid_iccid ON orders (eid, iccid);

-- The five steps of each order (DESIGN.md section 4), one row each from the start (PENDING).
CREATE TABLE order_step (
    order_id   VARCHAR(36)              NOT NULL,
    name       VARCHAR(32)              NOT NULL,
    state      VARCHAR(16)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE,
    ended_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (order_id, name),
    CONSTRAINT order_step_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

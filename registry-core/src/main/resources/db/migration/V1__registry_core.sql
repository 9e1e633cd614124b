-- The facts of one node: registries, accounts, projects, notices, transactions, counters and holdings.
-- Flyway runs this in the node's schema (search_path is set to it); codes are the DES numbers.

-- btree_gist lets one exclusion constraint compare the originating registry with = and the serial range with &&.
-- It is installed once per database, in public, so that dropping one node's schema never takes it away from
-- the others; the advisory lock keeps nodes that migrate at the same time from installing it twice.
SELECT pg_advisory_xact_lock(7283651);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gist') THEN
        CREATE EXTENSION btree_gist WITH SCHEMA public;
    END IF;
END
$$;

CREATE TABLE registries (
    code        varchar(3)   NOT NULL PRIMARY KEY,
    name        text         NOT NULL,
    status      varchar(20)  NOT NULL,
    eu_member   boolean      NOT NULL
);

CREATE TABLE accounts (
    registry       varchar(3)   NOT NULL,
    account_type   integer      NOT NULL,
    identifier     bigint       NOT NULL,
    period         integer      NOT NULL,
    holder         text         NOT NULL,
    status         varchar(20)  NOT NULL,
    PRIMARY KEY (registry, account_type, identifier, period)
);
CREATE INDEX accounts_by_identifier ON accounts (registry, identifier);

CREATE TABLE projects (
    id                       bigint       NOT NULL PRIMARY KEY,
    title                    text         NOT NULL,
    host_party               varchar(3)   NOT NULL,
    least_developed_country  boolean      NOT NULL,
    category                 varchar(40)  NOT NULL,
    capacity_megawatts       numeric,
    compliance_flag          boolean      NOT NULL,
    registered               date
);

CREATE TABLE notices (
    id               bigint      NOT NULL PRIMARY KEY,
    notice_type      integer     NOT NULL,
    status           integer     NOT NULL,
    registry         varchar(3)  NOT NULL,
    project_id       bigint,
    period           integer,
    unit_type        integer,
    target_quantity  bigint,
    target_date      date,
    issued_at        timestamp(6) with time zone,
    content          text        NOT NULL
);

CREATE TABLE notice_blocks (
    notice_id             bigint     NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    position              integer    NOT NULL,
    originating_registry  varchar(3) NOT NULL,
    serial_start          bigint     NOT NULL,
    serial_end            bigint     NOT NULL,
    PRIMARY KEY (notice_id, position)
);

-- A transaction: the proposal (stored once) and its current status; the history is in transaction_status_changes.
CREATE TABLE transactions (
    id                               varchar(18) NOT NULL PRIMARY KEY,
    transaction_type                 integer     NOT NULL,
    supplementary_type               integer     NOT NULL,
    transferring_registry            varchar(3)  NOT NULL,
    transferring_account_registry    varchar(3),
    transferring_account_type        integer,
    transferring_account_identifier  bigint,
    transferring_account_period      integer,
    acquiring_registry               varchar(3)  NOT NULL,
    acquiring_account_registry       varchar(3),
    acquiring_account_type           integer,
    acquiring_account_identifier     bigint,
    acquiring_account_period         integer,
    notice_id                        bigint,
    proposed_at                      timestamp(6) with time zone NOT NULL,
    status                           integer     NOT NULL,
    version                          bigint      NOT NULL
);
-- Transactions not final yet (4 to 7 are final): what the completion deadline sweeps.
CREATE INDEX transactions_not_final ON transactions (proposed_at) WHERE status NOT IN (4, 5, 6, 7);

CREATE TABLE transaction_blocks (
    transaction_id        varchar(18) NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    position              integer     NOT NULL,
    originating_registry  varchar(3)  NOT NULL,
    serial_start          bigint      NOT NULL,
    serial_end            bigint      NOT NULL,
    unit_type             integer     NOT NULL,
    supp_unit_type        integer     NOT NULL,
    original_period       integer     NOT NULL,
    applicable_period     integer     NOT NULL,
    lulucf_activity       integer,
    project_id            bigint,
    track                 integer,
    expiry_date           date,
    PRIMARY KEY (transaction_id, position)
);
-- Which transactions touched some units: what an audit trail looks up.
CREATE INDEX transaction_blocks_by_serial ON transaction_blocks (originating_registry, serial_start);

-- Per-block transferring accounts, where they differ from the proposal's.
CREATE TABLE transaction_block_accounts (
    transaction_id        varchar(18) NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    position              integer     NOT NULL,
    originating_registry  varchar(3)  NOT NULL,
    serial_start          bigint      NOT NULL,
    serial_end            bigint      NOT NULL,
    account_registry      varchar(3)  NOT NULL,
    account_type          integer     NOT NULL,
    account_identifier    bigint      NOT NULL,
    account_period        integer     NOT NULL,
    PRIMARY KEY (transaction_id, position)
);

CREATE SEQUENCE transaction_history_ids INCREMENT BY 50;

CREATE TABLE transaction_status_changes (
    id              bigint      NOT NULL PRIMARY KEY,
    transaction_id  varchar(18) NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    position        integer     NOT NULL,
    status          integer     NOT NULL,
    changed_at      timestamp(6) with time zone NOT NULL,
    UNIQUE (transaction_id, position)
);

CREATE TABLE evaluation_results (
    id                bigint        NOT NULL PRIMARY KEY,
    status_change_id  bigint        NOT NULL REFERENCES transaction_status_changes (id) ON DELETE CASCADE,
    position          integer       NOT NULL,
    response_code     integer       NOT NULL,
    description       text          NOT NULL,
    UNIQUE (status_change_id, position)
);

CREATE TABLE evaluation_result_blocks (
    evaluation_result_id  bigint     NOT NULL REFERENCES evaluation_results (id) ON DELETE CASCADE,
    position              integer    NOT NULL,
    originating_registry  varchar(3) NOT NULL,
    serial_start          bigint     NOT NULL,
    serial_end            bigint     NOT NULL,
    PRIMARY KEY (evaluation_result_id, position)
);

-- Named counters: the last number handed out.
CREATE TABLE sequence_counters (
    name        varchar(100) NOT NULL PRIMARY KEY,
    last_value  bigint       NOT NULL CHECK (last_value >= 0)
);

-- The ledger's pieces, with their history: a piece is held from valid_from until valid_to; current pieces have
-- no valid_to. Taking a piece out closes it, so a snapshot at any earlier moment still sees it.
CREATE TABLE held_pieces (
    id                    bigint     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    originating_registry  varchar(3) COLLATE "C" NOT NULL,
    serial_start          bigint     NOT NULL,
    serial_end            bigint     NOT NULL,
    unit_type             smallint   NOT NULL,
    supp_unit_type        integer    NOT NULL,
    original_period       smallint   NOT NULL,
    applicable_period     smallint   NOT NULL,
    lulucf_activity       smallint,
    project_id            bigint,
    track                 smallint,
    expiry_date           date,
    account_registry      varchar(3) COLLATE "C" NOT NULL,
    account_type          smallint   NOT NULL,
    account_identifier    bigint     NOT NULL,
    account_period        smallint   NOT NULL,
    reserved_by           varchar(18),
    valid_from            timestamp(6) with time zone NOT NULL,
    valid_to              timestamp(6) with time zone,
    CONSTRAINT held_pieces_serials_in_order CHECK (serial_start >= 1 AND serial_end >= serial_start),
    CONSTRAINT held_pieces_closed_after_opened CHECK (valid_to IS NULL OR valid_to > valid_from),
    -- A serial number is in at most one current piece. The GiST index behind it is also what finds the
    -- pieces overlapping a range.
    CONSTRAINT held_pieces_serials_held_once EXCLUDE USING gist (
        originating_registry WITH =,
        int8range(serial_start, serial_end, '[]') WITH &&
    ) WHERE (valid_to IS NULL)
);
-- What an account holds now.
CREATE INDEX held_pieces_current_by_account ON held_pieces (account_registry, account_identifier)
    WHERE valid_to IS NULL;
-- What a transaction has reserved.
CREATE INDEX held_pieces_current_by_reservation ON held_pieces (reserved_by)
    WHERE valid_to IS NULL AND reserved_by IS NOT NULL;
-- Snapshots of a registry's holdings, streamed in serial order (registry codes compare byte by byte).
CREATE INDEX held_pieces_by_holder_and_serial ON held_pieces (account_registry, originating_registry, serial_start);

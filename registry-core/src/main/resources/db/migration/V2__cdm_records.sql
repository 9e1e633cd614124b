-- The CDM registry's own records: completed issuances with the share of proceeds each owes, the tallies of the
-- projects, voluntary cancellations with their attestations, and temporary holding accounts. Only the node of
-- the CDM registry writes to them; on other nodes they stay empty. Codes are the DES numbers.
--
-- Transactions are named by their identifier (CDM100023), without a foreign key to transactions: the records
-- are written while the lifecycle completes a transaction, before or after it saves the transaction itself.

-- A completed issuance (1-0): the one block it issued, and the share of proceeds it owes the Adaptation Fund,
-- which is the first serial numbers of that block. "added" keeps the order issuances were first recorded in.
CREATE TABLE cdm_issuances (
    transaction_id        varchar(18) NOT NULL PRIMARY KEY,
    added                 bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
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
    share_start           bigint,
    share_end             bigint,
    share_transaction_id  varchar(18) UNIQUE,
    share_settled         boolean     NOT NULL,
    CONSTRAINT cdm_issuances_serials_in_order CHECK (serial_start >= 1 AND serial_end >= serial_start),
    CONSTRAINT cdm_issuances_share_is_a_range CHECK ((share_start IS NULL) = (share_end IS NULL)),
    CONSTRAINT cdm_issuances_share_inside_block
        CHECK (share_start IS NULL OR (share_start >= serial_start AND share_end >= share_start AND share_end <= serial_end)),
    CONSTRAINT cdm_issuances_nothing_owed_is_settled CHECK (share_start IS NOT NULL OR share_settled),
    -- A serial number is issued once.
    CONSTRAINT cdm_issuances_serials_issued_once EXCLUDE USING gist (
        originating_registry WITH =,
        int8range(serial_start, serial_end, '[]') WITH &&
    )
);
-- The shares of proceeds still owed, oldest first: what every forwarding and cancellation from pending checks.
CREATE INDEX cdm_issuances_unsettled ON cdm_issuances (added) WHERE NOT share_settled;

-- What has become of a project's units, counted as transactions complete.
CREATE TABLE cdm_project_tallies (
    project_id                      bigint NOT NULL PRIMARY KEY,
    issued                          bigint NOT NULL CHECK (issued >= 0),
    share_of_proceeds               bigint NOT NULL CHECK (share_of_proceeds >= 0),
    forwarded_to_holding_accounts   bigint NOT NULL CHECK (forwarded_to_holding_accounts >= 0),
    forwarded_to_other_registries   bigint NOT NULL CHECK (forwarded_to_other_registries >= 0),
    voluntarily_cancelled           bigint NOT NULL CHECK (voluntarily_cancelled >= 0),
    excess_issuance_cancelled       bigint NOT NULL CHECK (excess_issuance_cancelled >= 0),
    ccs_cancelled                   bigint NOT NULL CHECK (ccs_cancelled >= 0)
);

-- A voluntary cancellation (4-0) as it was asked: why and for whom.
CREATE TABLE cdm_voluntary_cancellations (
    transaction_id  varchar(18) NOT NULL PRIMARY KEY,
    purpose         text        NOT NULL,
    beneficiary     text        NOT NULL,
    requested_at    timestamp(6) with time zone NOT NULL
);

-- The attestation made when a voluntary cancellation completed, kept exactly as it was made: its purpose,
-- beneficiary and fingerprint are those of the certificate, whatever becomes of the cancellation's row.
CREATE TABLE cdm_attestations (
    transaction_id                   varchar(18) NOT NULL PRIMARY KEY
                                     REFERENCES cdm_voluntary_cancellations (transaction_id) ON DELETE CASCADE,
    cancelled_at                     timestamp(6) with time zone NOT NULL,
    cancelled_from_registry          varchar(3)  NOT NULL,
    cancelled_from_type              integer     NOT NULL,
    cancelled_from_identifier        bigint      NOT NULL,
    cancelled_from_period            integer     NOT NULL,
    cancellation_account_registry    varchar(3)  NOT NULL,
    cancellation_account_type        integer     NOT NULL,
    cancellation_account_identifier  bigint      NOT NULL,
    cancellation_account_period      integer     NOT NULL,
    purpose                          text        NOT NULL,
    beneficiary                      text        NOT NULL,
    fingerprint                      varchar(64) NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$')
);
-- The attestations in the order the cancellations completed.
CREATE INDEX cdm_attestations_by_time ON cdm_attestations (cancelled_at);

-- The units an attestation names, in serial order.
CREATE TABLE cdm_attestation_blocks (
    transaction_id        varchar(18) NOT NULL REFERENCES cdm_attestations (transaction_id) ON DELETE CASCADE,
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
    PRIMARY KEY (transaction_id, position),
    CONSTRAINT cdm_attestation_blocks_serials_in_order CHECK (serial_start >= 1 AND serial_end >= serial_start)
);

-- A holding account that keeps a participant's units until the registry they go to is connected. "added"
-- orders accounts with the same identifier (in different registries or periods) as they were first recorded.
CREATE TABLE cdm_temporary_holding_accounts (
    account_registry        varchar(3) NOT NULL,
    account_type            integer    NOT NULL,
    account_identifier      bigint     NOT NULL,
    account_period          integer    NOT NULL,
    added                   bigint     GENERATED ALWAYS AS IDENTITY UNIQUE,
    participant             text       NOT NULL,
    destination_registry    varchar(3) NOT NULL,
    destination_type        integer    NOT NULL,
    destination_identifier  bigint     NOT NULL,
    destination_period      integer    NOT NULL,
    PRIMARY KEY (account_registry, account_type, account_identifier, account_period)
);
-- What waits for one registry, by account identifier.
CREATE INDEX cdm_temporary_holding_accounts_by_destination
    ON cdm_temporary_holding_accounts (destination_registry, account_identifier, added);

-- The ITL's reconciliations, in the ITL's schema (history table simulator_schema_history).

create sequence reconciliation_ids;

-- One reconciliation of one registry: its snapshot, where it stands (phase) and its status (DES numbers 1-7).
-- Chunks are counted as they arrive, in any order; a phase is complete when every chunk up to the last is in.
create table reconciliation (
    id                     bigint      primary key,
    registry               varchar(3)  not null,
    snapshot_at            timestamptz not null,
    started_at             timestamptz not null,
    phase                  text        not null check (phase in ('TOTALS', 'UNIT_BLOCKS', 'AUDIT_TRAIL', 'DECIDED')),
    status                 smallint    not null,
    status_at              timestamptz not null,
    block_chunks           integer     not null default 0,
    last_block_chunk       integer,
    audit_chunks           integer     not null default 0,
    last_audit_chunk       integer,
    totals_compared_at     timestamptz,
    blocks_compared_at     timestamptz,
    resolved_by            text,
    resolution_note        text
);
create index reconciliation_by_registry on reconciliation (registry, started_at);

-- The groups whose totals differed: the unit blocks asked for, and compared.
create table reconciliation_group (
    reconciliation_id   bigint   not null references reconciliation (id) on delete cascade,
    position            integer  not null,
    account_type        smallint not null,
    account_identifier  bigint,
    account_period      smallint not null,
    unit_type           smallint not null,
    supp_unit_type      integer  not null,
    primary key (reconciliation_id, position)
);

-- What a reconciliation found: a differing group (no block), or units (6002-6005, 6011) named by their block.
create table reconciliation_finding (
    id                    bigint      generated always as identity primary key,
    reconciliation_id     bigint      not null references reconciliation (id) on delete cascade,
    response_code         integer     not null,
    description           text        not null,
    originating_registry  varchar(3)  collate "C",
    serial_start          bigint,
    serial_end            bigint
);
create index reconciliation_finding_by_reconciliation on reconciliation_finding (reconciliation_id, response_code, id);
-- Which units are under a finding: what the check for units under an open inconsistency (6010) looks up.
create index reconciliation_finding_by_units on reconciliation_finding (originating_registry, serial_start)
    where originating_registry is not null;

-- The blocks a registry reported, chunk by chunk, until they are compared with the mirror (then deleted).
create table reconciliation_reported_block (
    reconciliation_id     bigint      not null,
    chunk_number          integer     not null,
    originating_registry  varchar(3)  collate "C" not null,
    serial_start          bigint      not null,
    serial_end            bigint      not null,
    unit_type             smallint    not null,
    supp_unit_type        integer     not null,
    original_period       smallint    not null,
    applicable_period     smallint    not null,
    lulucf_activity       smallint,
    project_id            bigint,
    track                 smallint,
    expiry_date           date,
    account_type          smallint    not null,
    account_identifier    bigint      not null,
    account_period        smallint    not null
);
create index reconciliation_reported_block_in_order
    on reconciliation_reported_block (reconciliation_id, originating_registry, serial_start);

-- When the next scheduled reconciliation is due: for one registry, or '*' for all.
create table reconciliation_schedule (
    registry   varchar(3)  primary key,
    every      interval    not null,
    next_at    timestamptz not null
);

-- The registry's side of reconciliation: every reconciliation the ITL started, the snapshot it fixed, and the
-- result the ITL sent back (status and the evaluation results naming what differs).
create table registry_reconciliation (
    id             bigint      primary key,
    requested_by   text        not null,
    snapshot_at    timestamptz not null,
    initiated_at   timestamptz not null,
    status         smallint    not null default 1,
    status_at      timestamptz not null,
    note           text
);

create table registry_reconciliation_result (
    reconciliation_id  bigint   not null references registry_reconciliation (id) on delete cascade,
    position           integer  not null,
    response_code      integer  not null,
    description        text,
    unit_blocks        text     not null,
    primary key (reconciliation_id, position)
);

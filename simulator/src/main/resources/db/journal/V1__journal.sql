-- The simulator's journal: every message each node received, processed and sent, for testers to query.
create table journal_entry (
    id              bigserial primary key,
    node            text        not null,
    direction       text        not null check (direction in ('RECEIVED', 'PROCESSED', 'SENT')),
    peer            text,
    operation       text        not null,
    transaction_id  text,
    simulated_time  timestamptz not null,
    real_time       timestamptz not null,
    summary         text        not null,
    outcome         text        not null,
    raw_xml         bytea
);
create index journal_entry_transaction on journal_entry (transaction_id, id);
create index journal_entry_node on journal_entry (node, id);

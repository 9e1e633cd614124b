-- The evidence archive: every signed message the node received or sent, as on the wire, and every status a
-- transaction reached, each record hashed and chained to the one before (docs/evidence.md gives the encoding).
-- Records are only ever appended: sequence numbers run 1, 2, 3… with no gap, each taken from the head row, which an
-- append locks until its transaction ends, so the chain is one line whatever the number of workers.
create table evidence_record (
    sequence         bigint      primary key check (sequence > 0),
    kind             text        not null check (kind in ('MESSAGE_RECEIVED', 'MESSAGE_SENT', 'STATUS_CHANGE')),
    recorded_at      timestamptz not null,
    operation        text,
    subject          text,
    peer             text,
    content          bytea       not null,
    content_sha256   char(64)    not null,
    previous_sha256  char(64)    not null,
    record_sha256    char(64)    not null
);
create index evidence_record_subject on evidence_record (subject);

-- The archive's last record (0 and the genesis hash when it is empty): one row, locked by every append.
create table evidence_head (
    id               integer     primary key check (id = 1),
    last_sequence    bigint      not null,
    last_sha256      char(64)    not null
);
insert into evidence_head (id, last_sequence, last_sha256)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

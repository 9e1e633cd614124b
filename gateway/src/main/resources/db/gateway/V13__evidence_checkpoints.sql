-- Signed checkpoints of the evidence archive: now and then (and on an operator's demand) the node signs the head's
-- sequence and record hash with its own key, so a chain recomputed after it no longer matches what was signed
-- (docs/evidence.md gives the signed text). At most one checkpoint per head: one is taken only when the head moved.
create table evidence_checkpoint (
    sequence             bigint      primary key check (sequence > 0),
    record_sha256        char(64)    not null,
    node                 text        not null,
    signed_at            timestamptz not null,
    signer_certificate   bytea       not null,
    signature_algorithm  text        not null,
    signature            bytea       not null
);

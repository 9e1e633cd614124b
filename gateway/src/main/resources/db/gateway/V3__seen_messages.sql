-- Signed messages already received, shared by every instance of the node on this database, so that a copy sent
-- again (a replay) is refused however it is relayed. A row is kept until the message could no longer pass the
-- timestamp check (its Timestamp expired or grew too old), plus a margin for clock differences between instances.
create table seen_message (
    -- SHA-256 over the digests of the canonical Timestamp and Body as the verified signature lists them: what
    -- nobody but the signer can change (the signature value is left out: an ECDSA signature has a valid twin)
    fingerprint  text        primary key,
    signer       text        not null,
    seen_at      timestamptz not null,
    keep_until   timestamptz not null
);
create index seen_message_keep_until on seen_message (keep_until);

-- The evidence checkpoints the ITL keeps of each registry (docs/evidence.md): one per record of the registry's
-- archive at most, never replaced and never removed, each as the registry signed it and with the certificate of the
-- signer of the message that carried it.
create table evidence_checkpoint_held (
    registry             text         not null,
    sequence             bigint       not null check (sequence > 0),
    record_sha256        text         not null check (record_sha256 ~ '^[0-9a-f]{64}$'),
    signed_at            timestamptz  not null,
    signer_certificate   bytea        not null,
    signature_algorithm  text         not null,
    signature            bytea        not null,
    received_at          timestamptz  not null,
    primary key (registry, sequence)
);

-- The gateway's durable messaging: what was received (inbox) and what is to be sent (outbox).

-- Every request accepted for processing, kept as received (signed XML) until the node has processed it.
-- (operation, sender, message_key) identifies the business message: a resend with the same content gets the
-- same receipt; one with other content is refused.
create table inbox_message (
    id              bigserial primary key,
    operation       text        not null,
    sender          text        not null,
    message_key     text        not null,
    content_digest  text        not null,
    received_at     timestamptz not null,
    raw_xml         bytea       not null,
    status          text        not null default 'RECEIVED' check (status in ('RECEIVED', 'PROCESSED', 'FAILED')),
    attempts        integer     not null default 0,
    processed_at    timestamptz,
    outcome         text,
    constraint inbox_message_identity unique (operation, sender, message_key)
);
create index inbox_message_pending on inbox_message (id) where status = 'RECEIVED';

-- Every message to send, written in the same database transaction as the business change that caused it.
create table outbox_message (
    id              bigserial primary key,
    destination     text        not null,
    operation       text        not null,
    message_key     text        not null,
    payload_xml     text        not null,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        integer     not null default 0,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'REFUSED')),
    delivered_at    timestamptz,
    receipt_codes   text,
    last_error      text,
    constraint outbox_message_identity unique (destination, operation, message_key)
);
create index outbox_message_due on outbox_message (next_attempt_at, id) where status = 'PENDING';

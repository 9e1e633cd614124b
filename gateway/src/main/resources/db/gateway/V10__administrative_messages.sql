-- The administrative messages (acceptMessage) the registry received: who sent them, when they arrived, and the
-- fields of the DES's AdministrativeMessage (messageDateTime, messageContent); the operator API lists them.
create table administrative_message (
    id                 bigint      generated always as identity primary key,
    sender             text        not null,
    received_at        timestamptz not null,
    message_date_time  timestamptz not null,
    message_content    text        not null
);
create index administrative_message_newest on administrative_message (received_at desc, id desc);

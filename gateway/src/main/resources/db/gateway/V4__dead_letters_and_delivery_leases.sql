-- Reliability of the inbox and the outbox: what the processor reads, dead letters, and delivery leases.

-- The inbox keeps the request as the gateway verified and read it, written again by the gateway's own codec
-- (payload_xml); the processor reads only that. raw_xml stays as evidence of what was received.
-- A message the node could not process is a dead letter (DEAD) with why and where (failure_reason,
-- failure_trace), kept aside until an operator retries it (back to RECEIVED) or discards it (DISCARDED).
alter table inbox_message add column payload_xml text;
alter table inbox_message add column failure_reason text;
alter table inbox_message add column failure_trace text;
alter table inbox_message add column failed_at timestamptz;
alter table inbox_message drop constraint inbox_message_status_check;
update inbox_message set status = 'DEAD', failure_reason = outcome, failed_at = processed_at where status = 'FAILED';
alter table inbox_message add constraint inbox_message_status_check
    check (status in ('RECEIVED', 'PROCESSED', 'DEAD', 'DISCARDED'));
create index inbox_message_dead on inbox_message (id) where status = 'DEAD';

-- The outbox claims a message with a lease (claimed_until, claimed_by) in a short transaction, sends it with no
-- transaction open, and records the outcome in another. A failure on this side (a bug, a stored request that no
-- longer reads) counts in faults; past a few, the message is a dead letter (DEAD) with its reason and stack trace.
alter table outbox_message add column claimed_until timestamptz;
alter table outbox_message add column claimed_by text;
alter table outbox_message add column faults integer not null default 0;
alter table outbox_message add column failure_reason text;
alter table outbox_message add column failure_trace text;
alter table outbox_message add column failed_at timestamptz;
alter table outbox_message drop constraint outbox_message_status_check;
alter table outbox_message add constraint outbox_message_status_check
    check (status in ('PENDING', 'DELIVERED', 'REFUSED', 'DEAD', 'DISCARDED'));
create index outbox_message_due_by_destination on outbox_message (destination, next_attempt_at, id)
    where status = 'PENDING';
create index outbox_message_dead on outbox_message (id) where status = 'DEAD';

-- The bytes a message arrived as are kept once, in its evidence record: a new inbox row names that record instead
-- of holding a second copy (rows kept before keep theirs, and a receiver that keeps no evidence keeps them in the
-- row). Less to write, compress and log for every message.
alter table inbox_message alter column raw_xml drop not null;
alter table inbox_message add column evidence_sequence bigint;

-- The large values of every message (the bytes received or sent, the stored request) are compressed with LZ4 where
-- the server has it, and stored uncompressed where it has not: PostgreSQL's own compression (pglz) took more of the
-- database's CPU per received message than any statement (BENCHMARKS.md, "Signed inbound proposals").
do $$
begin
    alter table evidence_record alter column content set compression lz4;
    alter table inbox_message alter column payload_xml set compression lz4;
    alter table inbox_message alter column raw_xml set compression lz4;
    alter table outbox_message alter column payload_xml set compression lz4;
exception when feature_not_supported then
    alter table evidence_record alter column content set storage external;
    alter table inbox_message alter column payload_xml set storage external;
    alter table inbox_message alter column raw_xml set storage external;
    alter table outbox_message alter column payload_xml set storage external;
end
$$;

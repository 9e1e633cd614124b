-- Requests are flat, as in the DES: the header fields (from, to, majorVersion, minorVersion) are the first children of
-- the request element instead of a header element around them. Requests stored before (outbox rows not delivered,
-- inbox rows not processed, dead letters) lose the header element around their fields, which stay where they were.
update outbox_message set payload_xml = regexp_replace(payload_xml, '</?ns[0-9]+:header>', '', 'g')
 where payload_xml ~ '<ns[0-9]+:header>';
update inbox_message set payload_xml = regexp_replace(payload_xml, '</?ns[0-9]+:header>', '', 'g')
 where payload_xml ~ '<ns[0-9]+:header>';

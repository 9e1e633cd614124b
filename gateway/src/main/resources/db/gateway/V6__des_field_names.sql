-- Proposals, notices and audit trails take the DES's field names: acceptProposal's proposedTransaction (was proposal),
-- transferringRegistryAccountType/Identifier and acquiringRegistryAccountType/Identifier (were transferringAccount…,
-- acquiringAccount…; the commitment periods that are ours follow), proposalUnitBlocks (was unitBlocks); an ITL
-- notice's messageDate and messageContent (were messageDateTime, content); an audit trail's transactions, each with
-- transactionStatusDateTime and transactionBlocks (were auditTrailEntries, statusDateTime, unitBlocks). Requests
-- stored before (outbox rows not delivered, inbox rows not processed, dead letters) are rewritten in place.
create function pg_temp.des_account_names(xml text) returns text language sql immutable as $$
    select regexp_replace(xml, '<(/?)(transferring|acquiring)Account(Type|Identifier|CommitPeriod)>',
                          '<\1\2RegistryAccount\3>', 'g')
$$;
create function pg_temp.des_field_names(operation text, xml text) returns text language sql immutable as $$
    select case
        when operation in ('REGISTRY_ACCEPT_PROPOSAL', 'LOG_ACCEPT_PROPOSAL') then
            regexp_replace(regexp_replace(pg_temp.des_account_names(xml),
                '<(/?)(ns[0-9]+:)proposal>', '<\1\2proposedTransaction>', 'g'),
                '<(/?)unitBlocks>', '<\1proposalUnitBlocks>', 'g')
        when operation = 'REGISTRY_ACCEPT_ITL_NOTICE' then
            regexp_replace(regexp_replace(xml, '<(/?)messageDateTime>', '<\1messageDate>', 'g'),
                '<(/?)content>', '<\1messageContent>', 'g')
        when operation = 'LOG_RECEIVE_AUDIT_TRAIL' then
            regexp_replace(regexp_replace(regexp_replace(pg_temp.des_account_names(xml),
                '<(/?)auditTrailEntries>', '<\1transactions>', 'g'),
                '<(/?)statusDateTime>', '<\1transactionStatusDateTime>', 'g'),
                '<(/?)unitBlocks>', '<\1transactionBlocks>', 'g')
        else xml
    end
$$;

update outbox_message set payload_xml = pg_temp.des_field_names(operation, payload_xml)
 where operation in ('REGISTRY_ACCEPT_PROPOSAL', 'LOG_ACCEPT_PROPOSAL', 'REGISTRY_ACCEPT_ITL_NOTICE',
                     'LOG_RECEIVE_AUDIT_TRAIL');
update inbox_message set payload_xml = pg_temp.des_field_names(operation, payload_xml)
 where payload_xml is not null
   and operation in ('REGISTRY_ACCEPT_PROPOSAL', 'LOG_ACCEPT_PROPOSAL', 'REGISTRY_ACCEPT_ITL_NOTICE',
                     'LOG_RECEIVE_AUDIT_TRAIL');

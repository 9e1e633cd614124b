-- The DES gives the fields of most operations flat, after the header fields: a request element now holds them
-- directly instead of one child around them (notification, notice, message, reconciliation, totalsRequest,
-- unitBlocksRequest, auditTrailRequest, reconciliationResult, totals, unitBlocks, auditTrail; acceptProposal keeps
-- its proposedTransaction, as in the DES). Requests stored before lose that child element; its fields stay where they
-- were. Only the service-namespace child is prefixed in stored XML, so a DES field of the same name (the list
-- totals of receiveTotals, unitBlocks of receiveUnitBlocks) is left alone.
update outbox_message set payload_xml = regexp_replace(payload_xml,
        '</?ns[0-9]+:(notification|notice|message|reconciliation|totalsRequest|unitBlocksRequest|auditTrailRequest'
        || '|reconciliationResult|totals|unitBlocks|auditTrail)>', '', 'g')
 where operation <> 'REGISTRY_ACCEPT_PROPOSAL' and operation <> 'LOG_ACCEPT_PROPOSAL';
update inbox_message set payload_xml = regexp_replace(payload_xml,
        '</?ns[0-9]+:(notification|notice|message|reconciliation|totalsRequest|unitBlocksRequest|auditTrailRequest'
        || '|reconciliationResult|totals|unitBlocks|auditTrail)>', '', 'g')
 where payload_xml is not null and operation <> 'REGISTRY_ACCEPT_PROPOSAL' and operation <> 'LOG_ACCEPT_PROPOSAL';

-- Reconciliation requests take the DES's names: snapshotDatetime, byAccountFlag, auditTrailBeginDatetime and
-- auditTrailEndDatetime, and unitBlockRequests/unitBlockRequest (fields in the DES's order) instead of group. Requests
-- stored before (an outbox row not yet delivered, an inbox row not yet processed, a dead letter to replay) are
-- rewritten in place so that they read with the new contract. Stored requests are compact XML written by the
-- gateway, their DES elements in the default namespace.
create function pg_temp.des_reconciliation_names(xml text) returns text language sql immutable as $$
    select regexp_replace(
             regexp_replace(
               replace(replace(replace(replace(replace(replace(replace(replace(xml,
                 '<snapshotDateTime>', '<snapshotDatetime>'), '</snapshotDateTime>', '</snapshotDatetime>'),
                 '<perAccount>', '<byAccountFlag>'), '</perAccount>', '</byAccountFlag>'),
                 '<periodStart>', '<auditTrailBeginDatetime>'), '</periodStart>', '</auditTrailBeginDatetime>'),
                 '<periodEnd>', '<auditTrailEndDatetime>'), '</periodEnd>', '</auditTrailEndDatetime>'),
               '<group>(<accountType>[^<]*</accountType>)(<accountIdentifier>[^<]*</accountIdentifier>)?'
                 || '(<accountCommitPeriod>[^<]*</accountCommitPeriod>)(<unitType>[^<]*</unitType>)'
                 || '(<suppUnitType>[^<]*</suppUnitType>)</group>',
               '<unitBlockRequest>\4\5\3\1\2</unitBlockRequest>', 'g'),
             '(<unitBlockRequest>.*</unitBlockRequest>)', '<unitBlockRequests>\1</unitBlockRequests>')
$$;

update outbox_message set payload_xml = pg_temp.des_reconciliation_names(payload_xml)
 where operation in ('REGISTRY_INITIATE_RECONCILIATION', 'REGISTRY_PROVIDE_TOTALS', 'LOG_PROVIDE_TOTALS',
                     'REGISTRY_PROVIDE_UNIT_BLOCKS', 'LOG_PROVIDE_UNIT_BLOCKS', 'REGISTRY_PROVIDE_AUDIT_TRAIL',
                     'LOG_PROVIDE_AUDIT_TRAIL');
update inbox_message set payload_xml = pg_temp.des_reconciliation_names(payload_xml)
 where payload_xml is not null
   and operation in ('REGISTRY_INITIATE_RECONCILIATION', 'REGISTRY_PROVIDE_TOTALS', 'LOG_PROVIDE_TOTALS',
                     'REGISTRY_PROVIDE_UNIT_BLOCKS', 'LOG_PROVIDE_UNIT_BLOCKS', 'REGISTRY_PROVIDE_AUDIT_TRAIL',
                     'LOG_PROVIDE_AUDIT_TRAIL');

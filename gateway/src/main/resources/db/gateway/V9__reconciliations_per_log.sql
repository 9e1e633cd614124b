-- A registry may be reconciled by more than one log: the ITL, and the CITL when the registry is an EU member. Each
-- log numbers its reconciliations on its own, so a registry keeps them apart by the log that started them as well as
-- by their identifier. The results of a reconciliation carry the log too.
alter table registry_reconciliation_result add column requested_by text;
update registry_reconciliation_result r
   set requested_by = (select requested_by from registry_reconciliation where id = r.reconciliation_id);
alter table registry_reconciliation_result alter column requested_by set not null;
alter table registry_reconciliation_result drop constraint registry_reconciliation_result_reconciliation_id_fkey;
alter table registry_reconciliation_result drop constraint registry_reconciliation_result_pkey;
alter table registry_reconciliation drop constraint registry_reconciliation_pkey;
alter table registry_reconciliation add primary key (requested_by, id);
alter table registry_reconciliation_result add primary key (requested_by, reconciliation_id, position);
alter table registry_reconciliation_result add foreign key (requested_by, reconciliation_id)
    references registry_reconciliation (requested_by, id) on delete cascade;

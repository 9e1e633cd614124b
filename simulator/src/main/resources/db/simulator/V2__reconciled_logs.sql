-- A log reconciles a supplementary log as well as registries: the ITL reconciles the CITL. The party reconciled (and
-- a schedule's) is a registry code or CITL. The CITL keeps its reconciliations of the EU registries in these tables
-- too, in its own schema.
alter table reconciliation alter column registry type varchar(4);
alter table reconciliation_schedule alter column registry type varchar(4);

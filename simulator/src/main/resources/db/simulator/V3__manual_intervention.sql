-- What a manual intervention decided: which side was right, and how many units of the log's records it corrected
-- (the registry's side was right: the log's records of the differing units were set to what the registry reported).
create table reconciliation_intervention (
    reconciliation_id  bigint  primary key references reconciliation (id) on delete cascade,
    right_side         text    not null check (right_side in ('LOG', 'REGISTRY')),
    corrected_units    bigint  not null
);

-- What the ITL does by itself, in the ITL's schema (history table duties_schema_history).

-- When each scheduled duty is next due: administrative messages (to one registry, or '*' for all, with their
-- text) and time checks (of every registry: '*').
create table itl_duty_schedule (
    duty      text        not null check (duty in ('MESSAGE', 'TIME_CHECK')),
    registry  varchar(3)  not null,
    every     interval    not null,
    next_at   timestamptz not null,
    content   text,
    primary key (duty, registry)
);

-- Each time check: the registry asked, when (the ITL's clock), its time as it answered (none when it could not be
-- asked), how far its clock was from the ITL's, and whether that is beyond the tolerance.
create table itl_time_check (
    id             bigint      generated always as identity primary key,
    registry       varchar(3)  not null,
    asked_at       timestamptz not null,
    registry_time  timestamptz,
    offset_millis  bigint,
    flagged        boolean     not null
);
create index itl_time_check_by_registry on itl_time_check (registry, id);

-- The impending tCER/lCER expiry notices (type 3) the ITL issued: one per registry and expiry date, never two.
create table itl_expiry_notice (
    registry     varchar(3)  not null,
    expiry_date  date        not null,
    notice_id    bigint      not null,
    issued_at    timestamptz not null,
    primary key (registry, expiry_date)
);

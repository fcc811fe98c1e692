-- Who got which certificate, and who was refused and why. Issuance events are written in the same transaction
-- as the certificate's record, so the trail has no certificate without its event and no event without its
-- certificate. Rows are only ever inserted.
create table audit_event (
    id                        uuid        primary key,
    occurred_at               timestamptz not null,
    request_id                text,
    action                    text        not null check (action in ('ISSUED', 'REPLAYED', 'DENIED', 'FAILED')),
    team                      text        not null,
    requester                 text        not null,
    authority                 text,
    template_arn              text,
    subject                   text,
    subject_alternative_names text[]      not null,
    not_before                timestamptz,
    not_after                 timestamptz,
    serial_number             text,
    sha256_fingerprint        text,
    certificate_id            uuid        references issued_certificate (id),
    reasons                   jsonb       not null
);

create index audit_event_newest on audit_event (occurred_at desc, id desc);
create index audit_event_team_newest on audit_event (team, occurred_at desc, id desc);

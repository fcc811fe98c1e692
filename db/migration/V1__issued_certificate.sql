-- Every certificate the gateway hands out is recorded here first (ARCHITECTURE: "nothing is issued that is
-- not recorded"). Rows are never updated by issuance; later states (revocation, pending ACM PCA requests)
-- move through the status column.
create table issued_certificate (
    id                        uuid primary key,
    certificate_arn           text        not null unique,
    authority_alias           text        not null,
    authority_arn             text        not null,
    serial_number             text        not null,
    team                      text        not null,
    requester                 text        not null,
    subject                   text        not null,
    subject_alternative_names text[]      not null,
    not_before                timestamptz not null,
    not_after                 timestamptz not null,
    template_arn              text        not null,
    signing_algorithm         text        not null,
    sha256_fingerprint        text        not null,
    certificate_pem           text        not null,
    certificate_chain_pem     text        not null,
    warnings                  text[]      not null,
    status                    text        not null,
    created_at                timestamptz not null,
    constraint issued_certificate_serial_unique unique (authority_arn, serial_number)
);

-- Listing is always "this team's certificates, newest first", paged by (created_at, id).
create index issued_certificate_team_newest on issued_certificate (team, created_at desc, id desc);

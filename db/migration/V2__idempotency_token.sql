-- One row per (team, idempotency token) within its window. Claiming is a single INSERT ... ON CONFLICT so
-- any number of gateway replicas agree on one owner without locks held outside PostgreSQL.
create table idempotency_token (
    team           text        not null,
    token          text        not null,
    -- SHA-256 over the canonical request: a different request under the same token is a conflict.
    fingerprint    text        not null,
    state          text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    -- The replica's claim; only its holder may complete or release the token.
    claim_id       uuid        not null,
    certificate_id uuid        references issued_certificate (id),
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    -- An IN_PROGRESS claim not completed by then is presumed dead and may be taken over.
    lease_until    timestamptz not null,
    primary key (team, token)
);

create index idempotency_token_expiry on idempotency_token (expires_at);

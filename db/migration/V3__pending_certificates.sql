-- ACM PCA issues asynchronously: IssueCertificate names the certificate (its ARN) before the certificate
-- exists. The ARN is recorded at once (status PENDING), so that any replica can finish the request and a
-- retry never asks for a second certificate; what only the certificate can tell stays empty until then.
alter table issued_certificate
    alter column serial_number drop not null,
    alter column not_before drop not null,
    alter column not_after drop not null,
    alter column sha256_fingerprint drop not null,
    alter column certificate_pem drop not null,
    alter column certificate_chain_pem drop not null;

-- What a pending certificate must be once issued, so whichever replica completes it can check it: the CSR's
-- key, and the subject and SANs the gateway composed (and policy allowed). DER encodings, compared as
-- X.509 structures. Deleted when the certificate is completed or failed.
create table pending_certificate (
    certificate_id       uuid primary key references issued_certificate (id) on delete cascade,
    public_key           bytea       not null,
    subject              bytea       not null,
    subject_alt_names    bytea,
    created_at           timestamptz not null
);

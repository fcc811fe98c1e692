-- The inventory gauges (certgw_certificates_valid, certgw_certificates_expiring) count each team's valid
-- certificates every minute on every replica. Without an index that query reads the whole table, certificates
-- and chains included: gigabytes a minute once the inventory holds a million certificates. This index holds only
-- what the query needs, the expiry and the team of issued certificates in expiry order, so the query reads the
-- entries of the certificates still valid and no table pages, and expired certificates cost it nothing.
-- It is built without CONCURRENTLY, so issuance waits while it is built; on a large existing inventory, build it
-- beforehand (docs/deployment.md, "Upgrades and migrations") and this finds it there.
create index if not exists issued_certificate_valid_by_expiry
    on issued_certificate (not_after, team) where status = 'ISSUED';

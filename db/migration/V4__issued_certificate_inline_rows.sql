-- A certificate row (PEM certificate and chain, names, ARNs) is 2-4 KB, just above the size at which PostgreSQL
-- tries to compress a row's long values before storing it. Base64 PEM barely compresses, and the attempt cost
-- about 4 % of the database's CPU per issuance. Rows up to the page size are now stored as they are.
alter table issued_certificate set (toast_tuple_target = 8160);

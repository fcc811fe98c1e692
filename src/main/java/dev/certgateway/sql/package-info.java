/**
 * Shapes for SQL that one feature writes and another runs: a feature that owns a table describes its row or its
 * update here, and the issuance orchestrator chains them into one statement, so that a certificate, its audit
 * event and its idempotency token are written in one round trip and one commit. Nothing here touches a
 * connection.
 */
package dev.certgateway.sql;

/**
 * The store SPIs in a relational database over JDBC: PostgreSQL 15+ in production, H2 2.x embedded or for
 * tests. {@link org.petition.store.jdbc.JdbcSignatureStore} keeps petitions, signatures and the moderation
 * log, with a {@link org.petition.store.jdbc.JdbcConsentLedger} written in the same transactions; {@link
 * org.petition.store.jdbc.JdbcAccountStore} keeps accounts. One schema, migrated with Flyway.
 */
@NullMarked
package org.petition.store.jdbc;

import org.jspecify.annotations.NullMarked;

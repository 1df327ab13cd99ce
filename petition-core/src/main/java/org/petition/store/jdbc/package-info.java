/**
 * A {@link org.petition.store.SignatureStore} in a relational database over JDBC: PostgreSQL 15+ in
 * production, H2 2.x embedded or for tests. See {@link org.petition.store.jdbc.JdbcSignatureStore}.
 */
@NullMarked
package org.petition.store.jdbc;

import org.jspecify.annotations.NullMarked;

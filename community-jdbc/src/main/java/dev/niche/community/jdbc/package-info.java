/**
 * A Niche store over a host's {@link javax.sql.DataSource}: H2 (the embedded default), PostgreSQL and
 * MariaDB. Start from {@link dev.niche.community.jdbc.JdbcStore#builder(javax.sql.DataSource)}.
 */
@NullMarked
package dev.niche.community.jdbc;

import org.jspecify.annotations.NullMarked;

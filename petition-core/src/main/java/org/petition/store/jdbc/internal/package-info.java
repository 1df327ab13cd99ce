/** Internals of the JDBC signature store: not an API, may change in any release. */
@NullMarked
package org.petition.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;

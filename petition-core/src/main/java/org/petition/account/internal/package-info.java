/** Implementation of {@code org.petition.account}; not an API: may change without notice. */
@NullMarked
package org.petition.account.internal;

import org.jspecify.annotations.NullMarked;

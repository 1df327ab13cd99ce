/** Implementation of {@code org.petition.log}; not an API: may change without notice. */
@NullMarked
package org.petition.log.internal;

import org.jspecify.annotations.NullMarked;

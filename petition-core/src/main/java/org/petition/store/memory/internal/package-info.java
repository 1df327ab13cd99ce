/** Implementation of {@code org.petition.store.memory}; not an API: may change without notice. */
@NullMarked
package org.petition.store.memory.internal;

import org.jspecify.annotations.NullMarked;

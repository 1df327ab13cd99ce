/** Implementation of {@code org.petition.privacy}; not an API: may change without notice. */
@NullMarked
package org.petition.privacy.internal;

import org.jspecify.annotations.NullMarked;

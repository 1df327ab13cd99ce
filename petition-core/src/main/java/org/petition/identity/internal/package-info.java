/**
 * Helpers of {@link org.petition.identity}. Not API: anything here may change in any release.
 */
@NullMarked
package org.petition.identity.internal;

import org.jspecify.annotations.NullMarked;

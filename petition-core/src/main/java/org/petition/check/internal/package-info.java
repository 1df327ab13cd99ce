/**
 * Helpers of {@link org.petition.check}. Not API: anything here may change in any release.
 */
@NullMarked
package org.petition.check.internal;

import org.jspecify.annotations.NullMarked;

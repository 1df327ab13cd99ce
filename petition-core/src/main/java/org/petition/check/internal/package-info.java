// The engines behind the built-in checks of org.petition.check. Not an API: the classes are public only so
// that org.petition.check can use them, and they may change without notice.
@NullMarked
package org.petition.check.internal;

import org.jspecify.annotations.NullMarked;

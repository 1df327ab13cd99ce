@NullMarked
package org.petition.privacy;

import org.jspecify.annotations.NullMarked;

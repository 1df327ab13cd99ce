@NullMarked
package org.petition;

import org.jspecify.annotations.NullMarked;

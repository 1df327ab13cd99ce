@NullMarked
package org.petition.check;

import org.jspecify.annotations.NullMarked;

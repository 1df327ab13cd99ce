@NullMarked
package org.petition.identity;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.petition.embed;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.petition.store;

import org.jspecify.annotations.NullMarked;

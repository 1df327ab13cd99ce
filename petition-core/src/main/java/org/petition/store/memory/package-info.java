@NullMarked
package org.petition.store.memory;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.petition.event;

import org.jspecify.annotations.NullMarked;

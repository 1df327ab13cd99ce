/** Micrometer meters fed by core events. */
@NullMarked
package org.petition.spring.metrics;

import org.jspecify.annotations.NullMarked;

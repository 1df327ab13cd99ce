/** The transparency log's checkpoints, signed on a schedule. */
@NullMarked
package org.petition.spring.log;

import org.jspecify.annotations.NullMarked;

/** A small petition site on the starter, for trying the library out. */
@NullMarked
package org.petition.demo;

import org.jspecify.annotations.NullMarked;

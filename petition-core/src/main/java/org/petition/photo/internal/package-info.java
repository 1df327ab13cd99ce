/** The photo pipeline's parts: format sniffing, the header's dimensions, orientation, re-encoding. */
@NullMarked
package org.petition.photo.internal;

import org.jspecify.annotations.NullMarked;

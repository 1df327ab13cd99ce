@NullMarked
package org.petition.internal;

import org.jspecify.annotations.NullMarked;

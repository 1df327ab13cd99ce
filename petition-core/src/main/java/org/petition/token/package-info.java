@NullMarked
package org.petition.token;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.petition.moderation;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.petition.account;

import org.jspecify.annotations.NullMarked;

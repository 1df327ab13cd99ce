/**
 * A transparency log per petition: every change to the count is an entry in an append-only RFC 9162 Merkle
 * tree, the operator signs C2SP checkpoints of it, and anyone can verify a count with {@link
 * org.petition.log.Verify}. The formats are described in docs/TRANSPARENCY-LOG.md.
 */
@NullMarked
package org.petition.log;

import org.jspecify.annotations.NullMarked;

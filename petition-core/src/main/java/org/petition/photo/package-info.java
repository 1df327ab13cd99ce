/**
 * Photo signatures (photo campaigns): {@link org.petition.photo.PhotoProcessor} proves an upload is a JPEG or
 * PNG within {@link org.petition.photo.PhotoLimits} (dimensions read from the header before any pixel is
 * decoded), applies its EXIF orientation and re-encodes it without metadata; {@link org.petition.photo.Photos}
 * is what {@code Petitions.photos()} hands out (approved photos, moderation, the mosaic {@link
 * org.petition.photo.Mosaic} draws).
 */
@NullMarked
package org.petition.photo;

import org.jspecify.annotations.NullMarked;

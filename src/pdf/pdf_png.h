/* pdf_png.h - a PNG file checked before libharu reads it.  libharu 2.3.0
 * hands PNG files to libpng without a recovery point: a damaged file makes
 * libpng abort the whole program.  So every chunk's CRC, the header's
 * values and the image data's exact inflated size are checked here first,
 * with zlib, and a file that would not read is refused with a reason. */
#ifndef BILAN_PDF_PNG_H
#define BILAN_PDF_PNG_H

/* NULL when path is a PNG file libharu can read, else why not (a static
 * string). */
const char *pdf_png_check(const char *path);

#endif

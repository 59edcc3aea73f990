/* textfmt: the byte-exact text formats of builtins.toJSON and builtins.toXML that do not
 * depend on the evaluator: JSON string escaping, number formatting and XML attribute escaping.
 * Each escape function writes to `out` when it is not NULL and returns the length of the
 * result, so a caller can size its buffer with a first call on NULL. */
#ifndef HEARTH_NIX_TEXTFMT_H
#define HEARTH_NIX_TEXTFMT_H

#include <stddef.h>

/* A JSON string literal with its quotes: '"' and '\\' escaped, \n \r \t as such, other control
 * bytes as \u00XX (Nix writes \b and \f as \u0008 and \u000c); other bytes, UTF-8 included,
 * are copied as they are. */
size_t json_quote_string(char *out, const char *s, size_t n);

/* A float as Nix 2.8's toJSON and toXML write it: C++ ostream's default, i.e. printf's "%g"
 * (6 significant digits). `out` needs 32 bytes. Returns the length. */
size_t nix_float_format(char *out, double d);

/* The text of an XML attribute value as Nix's toXML writes it: & < > " and newline become
 * entities (&amp; &lt; &gt; &quot; &#xA;); tab and CR are kept. No surrounding quotes. */
size_t xml_escape_attr(char *out, const char *s, size_t n);

#endif

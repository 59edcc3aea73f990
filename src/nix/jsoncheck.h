/* jsoncheck: validates a JSON text and, when it is not valid, produces the error Nix's JSON
 * parser (nlohmann/json) reports, e.g. "[json.exception.parse_error.101] parse error at line 1,
 * column 4: syntax error while parsing array - unexpected number literal; expected ']'".
 * builtins.fromJSON parses with json-c, which accepts more than JSON (NaN, raw control
 * characters, lone surrogates) and words its errors differently; this check runs first so that
 * what is rejected, and how, matches Nix. Pure: no allocation besides the message. */
#ifndef HEARTH_NIX_JSONCHECK_H
#define HEARTH_NIX_JSONCHECK_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is one valid JSON value with only whitespace around it, with the deepest
 * nesting of arrays and objects in *depth. Otherwise false with Nix's message written to msg
 * (NUL-terminated, truncated to msglen). */
bool json_check(const char *s, size_t n, size_t *depth, char *msg, size_t msglen);

#endif

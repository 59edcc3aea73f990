/* textfmt: see textfmt.h. */
#include "nix/textfmt.h"

#include <stdio.h>
#include <string.h>

static size_t put(char *out, size_t at, const char *s, size_t n) {
    if (out) memcpy(out + at, s, n);
    return at + n;
}

size_t json_quote_string(char *out, const char *s, size_t n) {
    size_t at = put(out, 0, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': at = put(out, at, "\\\"", 2); break;
        case '\\': at = put(out, at, "\\\\", 2); break;
        case '\n': at = put(out, at, "\\n", 2); break;
        case '\r': at = put(out, at, "\\r", 2); break;
        case '\t': at = put(out, at, "\\t", 2); break;
        default:
            if (c < 0x20) {
                char esc[8];
                snprintf(esc, sizeof esc, "\\u%04x", c);
                at = put(out, at, esc, 6);
            } else {
                at = put(out, at, (const char *)&s[i], 1);
            }
        }
    }
    return put(out, at, "\"", 1);
}

size_t nix_float_format(char *out, double d) {
    int n = snprintf(out, 32, "%g", d);
    return n < 0 ? 0 : (size_t)n;
}

size_t xml_escape_attr(char *out, const char *s, size_t n) {
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': at = put(out, at, "&amp;", 5); break;
        case '<': at = put(out, at, "&lt;", 4); break;
        case '>': at = put(out, at, "&gt;", 4); break;
        case '"': at = put(out, at, "&quot;", 6); break;
        case '\n': at = put(out, at, "&#xA;", 5); break;
        default: at = put(out, at, &s[i], 1);
        }
    }
    return at;
}

/* jsoncheck: see jsoncheck.h. A lexer and an iterative parser that mirror the states of Nix's
 * JSON parser, only to name errors as it does: the context ("value", "array", "object",
 * "object key", "object separator"), the token found, the token expected, the text read since
 * the last string or number began ("last read"), and the column counted in bytes read. */
#include "nix/jsoncheck.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok {
    T_ERROR, /* a lexical error; see lexer.error */
    T_BEGIN_ARRAY,
    T_END_ARRAY,
    T_BEGIN_OBJECT,
    T_END_OBJECT,
    T_COLON,
    T_COMMA,
    T_STRING,
    T_NUMBER,
    T_TRUE,
    T_FALSE,
    T_NULL,
    T_EOF,
    T_LITERAL_OR_VALUE, /* only as "expected" */
    T_NONE,             /* only as "expected": nothing */
};

static const char *tok_name(enum tok t) {
    switch (t) {
    case T_BEGIN_ARRAY: return "'['";
    case T_END_ARRAY: return "']'";
    case T_BEGIN_OBJECT: return "'{'";
    case T_END_OBJECT: return "'}'";
    case T_COLON: return "':'";
    case T_COMMA: return "','";
    case T_STRING: return "string literal";
    case T_NUMBER: return "number literal";
    case T_TRUE: return "true literal";
    case T_FALSE: return "false literal";
    case T_NULL: return "null literal";
    case T_EOF: return "end of input";
    case T_LITERAL_OR_VALUE: return "'[', '{', or a literal";
    default: return "<parse error>";
    }
}

struct lexer {
    const char *s;
    size_t n;
    size_t pos;        /* next byte to read */
    size_t token_from; /* where "last read" starts: the last string or number */
    size_t read_end;   /* bytes read when the last token ended (for the column) */
    bool read_eof;     /* the last token ended by reading past the end */
    const char *error; /* for T_ERROR */
};

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int at(const struct lexer *l, size_t i) {
    return i < l->n ? (unsigned char)l->s[i] : -1;
}

/* Ends a token after byte `end` (exclusive); eof when the lexer read past the input. */
static enum tok done(struct lexer *l, enum tok t, size_t end) {
    l->pos = end;
    l->read_end = end;
    l->read_eof = false;
    return t;
}

/* A lexical error after reading up to `i`: the byte at i was read (or the end, when i == n). */
static enum tok fail(struct lexer *l, size_t i, const char *what) {
    l->error = what;
    if (i >= l->n) {
        l->pos = l->read_end = l->n;
        l->read_eof = true;
    } else {
        l->pos = l->read_end = i + 1;
        l->read_eof = false;
    }
    return T_ERROR;
}

static size_t utf8_len(const struct lexer *l, size_t i) {
    int c = at(l, i);
    size_t len;
    uint32_t v;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = (uint32_t)c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = (uint32_t)c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = (uint32_t)c & 0x07;
    } else {
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        int d = at(l, i + k);
        if (d < 0 || (d & 0xC0) != 0x80) return 0;
        v = (v << 6) | ((uint32_t)d & 0x3F);
    }
    if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (len == 4 && v < 0x10000) ||
        v > 0x10FFFF)
        return 0;
    return len;
}

/* Reads 4 hex digits after "\u" at i; returns the code unit or -1 after failing. */
static long read_u4(struct lexer *l, size_t i) {
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hexval(at(l, i + k));
        if (h < 0) {
            fail(l, i + k, "invalid string: '\\u' must be followed by 4 hex digits");
            return -1;
        }
        v = v * 16 + h;
    }
    return v;
}

static enum tok scan_string(struct lexer *l) {
    size_t i = l->pos;
    l->token_from = i;
    i++;
    for (;;) {
        int c = at(l, i);
        if (c < 0) return fail(l, i, "invalid string: missing closing quote");
        if (c == '"') return done(l, T_STRING, i + 1);
        if (c < 0x20) {
            l->error = NULL; /* the message names the character: built by report() */
            l->pos = l->read_end = i + 1;
            l->read_eof = false;
            return T_ERROR;
        }
        if (c == '\\') {
            int e = at(l, i + 1);
            if (e < 0) return fail(l, i + 1, "invalid string: missing closing quote");
            if (strchr("\"\\/bfnrt", e)) {
                i += 2;
                continue;
            }
            if (e != 'u')
                return fail(l, i + 1, "invalid string: forbidden character after backslash");
            long u = read_u4(l, i + 2);
            if (u < 0) return T_ERROR;
            i += 6;
            if (u >= 0xDC00 && u <= 0xDFFF)
                return fail(l, i - 1,
                            "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
            if (u >= 0xD800 && u <= 0xDBFF) {
                static const char *const bad =
                    "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
                if (at(l, i) != '\\') return fail(l, i, bad);
                if (at(l, i + 1) != 'u') return fail(l, i + 1, bad);
                long lo = read_u4(l, i + 2);
                if (lo < 0) return T_ERROR;
                if (lo < 0xDC00 || lo > 0xDFFF) return fail(l, i + 5, bad);
                i += 6;
            }
            continue;
        }
        size_t k = utf8_len(l, i);
        if (!k) return fail(l, i, "invalid string: ill-formed UTF-8 byte");
        i += k;
    }
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static enum tok scan_number(struct lexer *l) {
    size_t i = l->pos;
    l->token_from = i;
    if (at(l, i) == '-') {
        i++;
        if (!is_digit(at(l, i))) return fail(l, i, "invalid number; expected digit after '-'");
    }
    if (at(l, i) == '0') {
        i++;
    } else {
        while (is_digit(at(l, i)))
            i++;
    }
    if (at(l, i) == '.') {
        i++;
        if (!is_digit(at(l, i))) return fail(l, i, "invalid number; expected digit after '.'");
        while (is_digit(at(l, i)))
            i++;
    }
    if (at(l, i) == 'e' || at(l, i) == 'E') {
        i++;
        if (at(l, i) == '+' || at(l, i) == '-') {
            i++;
            if (!is_digit(at(l, i)))
                return fail(l, i, "invalid number; expected digit after exponent sign");
        } else if (!is_digit(at(l, i))) {
            return fail(l, i, "invalid number; expected '+', '-', or digit after exponent");
        }
        while (is_digit(at(l, i)))
            i++;
    }
    return done(l, T_NUMBER, i);
}

static enum tok scan_literal(struct lexer *l, const char *lit, enum tok t) {
    size_t i = l->pos;
    for (size_t k = 0; lit[k]; k++)
        if (at(l, i + k) != lit[k]) return fail(l, i + k, "invalid literal");
    return done(l, t, i + strlen(lit));
}

static enum tok next(struct lexer *l) {
    while (at(l, l->pos) == ' ' || at(l, l->pos) == '\t' || at(l, l->pos) == '\n' ||
           at(l, l->pos) == '\r')
        l->pos++;
    int c = at(l, l->pos);
    switch (c) {
    case -1:
        l->read_end = l->n;
        l->read_eof = true;
        return T_EOF;
    case '[': return done(l, T_BEGIN_ARRAY, l->pos + 1);
    case ']': return done(l, T_END_ARRAY, l->pos + 1);
    case '{': return done(l, T_BEGIN_OBJECT, l->pos + 1);
    case '}': return done(l, T_END_OBJECT, l->pos + 1);
    case ':': return done(l, T_COLON, l->pos + 1);
    case ',': return done(l, T_COMMA, l->pos + 1);
    case '"': return scan_string(l);
    case 't': return scan_literal(l, "true", T_TRUE);
    case 'f': return scan_literal(l, "false", T_FALSE);
    case 'n': return scan_literal(l, "null", T_NULL);
    default:
        if (c == '-' || is_digit(c)) return scan_number(l);
        return fail(l, l->pos, "invalid literal");
    }
}

static void append(char *msg, size_t msglen, size_t *used, const char *fmt, ...) {
    if (*used >= msglen) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(msg + *used, msglen - *used, fmt, ap);
    va_end(ap);
    if (k > 0) *used += (size_t)k;
}

static bool report(const struct lexer *l, enum tok got, enum tok expected, const char *context,
                   char *msg, size_t msglen) {
    size_t line = 1, col = 0;
    size_t upto = l->read_end + (l->read_eof ? 1 : 0);
    for (size_t i = 0; i < upto; i++) {
        if (i < l->n && l->s[i] == '\n') {
            line++;
            col = 0;
        } else {
            col++;
        }
    }
    size_t used = 0;
    if (msglen) msg[0] = 0;
    append(msg, msglen, &used,
           "[json.exception.parse_error.101] parse error at line %zu, column %zu: syntax error "
           "while parsing %s - ",
           line, col, context);
    if (got == T_ERROR) {
        if (l->error) {
            append(msg, msglen, &used, "%s", l->error);
        } else {
            /* A raw control character in a string. */
            static const char *const names[32] = {
                "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
                "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
            unsigned char c = (unsigned char)l->s[l->read_end - 1];
            const char *alt = c == '\b'   ? "\\b"
                              : c == '\t' ? "\\t"
                              : c == '\n' ? "\\n"
                              : c == '\f' ? "\\f"
                              : c == '\r' ? "\\r"
                                          : NULL;
            append(msg, msglen, &used,
                   "invalid string: control character U+%04X (%s) must be escaped to \\u%04X", c,
                   names[c], c);
            if (alt) append(msg, msglen, &used, " or %s", alt);
        }
        append(msg, msglen, &used, "; last read: '");
        for (size_t i = l->token_from; i < l->read_end && i < l->n; i++) {
            unsigned char c = (unsigned char)l->s[i];
            if (c < 0x20)
                append(msg, msglen, &used, "<U+%04X>", c);
            else
                append(msg, msglen, &used, "%c", c);
        }
        append(msg, msglen, &used, "'");
    } else {
        append(msg, msglen, &used, "unexpected %s", tok_name(got));
    }
    if (expected != T_NONE) append(msg, msglen, &used, "; expected %s", tok_name(expected));
    return false;
}

bool json_check(const char *s, size_t n, size_t *max_depth, char *msg, size_t msglen) {
    struct lexer l = {.s = s, .n = n};
    /* The containers open at this point: '[' or '{'. */
    char *stack = malloc(n + 1);
    if (!stack) {
        if (msglen) snprintf(msg, msglen, "out of memory");
        return false;
    }
    size_t depth = 0;
    bool ok = false;
    *max_depth = 0;
    enum tok t = next(&l);
    for (;;) {
        /* A value starts with t. */
        switch (t) {
        case T_BEGIN_OBJECT:
            t = next(&l);
            if (t == T_END_OBJECT) break;
            if (t != T_STRING) {
                report(&l, t, T_STRING, "object key", msg, msglen);
                goto out;
            }
            if ((t = next(&l)) != T_COLON) {
                report(&l, t, T_COLON, "object separator", msg, msglen);
                goto out;
            }
            stack[depth++] = '{';
            if (depth > *max_depth) *max_depth = depth;
            t = next(&l);
            continue;
        case T_BEGIN_ARRAY:
            t = next(&l);
            if (t == T_END_ARRAY) break;
            stack[depth++] = '[';
            if (depth > *max_depth) *max_depth = depth;
            continue;
        case T_STRING:
        case T_NUMBER:
        case T_TRUE:
        case T_FALSE:
        case T_NULL: break;
        case T_ERROR: report(&l, t, T_NONE, "value", msg, msglen); goto out;
        default: report(&l, t, T_LITERAL_OR_VALUE, "value", msg, msglen); goto out;
        }
        /* After a value: close containers or go on to the next element. */
        for (;;) {
            if (depth == 0) {
                t = next(&l);
                if (t != T_EOF) {
                    report(&l, t, T_EOF, "value", msg, msglen);
                    goto out;
                }
                ok = true;
                goto out;
            }
            t = next(&l);
            if (stack[depth - 1] == '[') {
                if (t == T_COMMA) {
                    t = next(&l);
                    break;
                }
                if (t == T_END_ARRAY) {
                    depth--;
                    continue;
                }
                report(&l, t, T_END_ARRAY, "array", msg, msglen);
                goto out;
            }
            if (t == T_COMMA) {
                if ((t = next(&l)) != T_STRING) {
                    report(&l, t, T_STRING, "object key", msg, msglen);
                    goto out;
                }
                if ((t = next(&l)) != T_COLON) {
                    report(&l, t, T_COLON, "object separator", msg, msglen);
                    goto out;
                }
                t = next(&l);
                break;
            }
            if (t == T_END_OBJECT) {
                depth--;
                continue;
            }
            report(&l, t, T_END_OBJECT, "object", msg, msglen);
            goto out;
        }
    }
out:
    free(stack);
    return ok;
}

/* toml: see toml.h.
 * The whole tree lives in one arena owned by the root, so an error anywhere (reported by
 * longjmp back to toml_parse, which is the only setjmp) frees everything at once. */
#include "nix/toml.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a table came to be, which decides whether it may be extended later. */
enum {
    TAB_IMPLICIT = 1, /* intermediate table of a [header] path: a later [header] may define it */
    TAB_EXPLICIT = 2, /* defined by a [header] */
    TAB_DOTTED = 4,   /* created by a dotted key */
    TAB_SEALED = 8,   /* an inline table, or inside one: never extended */
    ARR_TABLES = 16,  /* an array of tables made by [[header]]: may grow */
};

struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
};

struct root {
    struct chunk *chunks;
    struct toml_value value;
};

struct parser {
    const char *s;
    size_t n, pos;
    struct toml_error *info; /* may be NULL */
    struct root *root;
    jmp_buf fail;
    char *err;
    size_t errlen;
};

static _Noreturn void oom(struct parser *p) {
    longjmp(p->fail, -2);
}

static _Noreturn void fail_kind(struct parser *p, enum toml_error_kind kind, size_t at,
                                const char *fmt, va_list ap) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < at && i < p->n; i++) {
        if (p->s[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)p->s[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    char what[192];
    vsnprintf(what, sizeof what, fmt, ap);
    if (p->errlen) snprintf(p->err, p->errlen, "line %zu, column %zu: %s", line, col, what);
    if (p->info) {
        p->info->kind = kind;
        p->info->at = at;
        memcpy(p->info->what, what, sizeof what);
    }
    longjmp(p->fail, -1);
}

static _Noreturn void fail_at(struct parser *p, size_t at, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_kind(p, TOML_ERR_OTHER, at, fmt, ap);
}

static _Noreturn void fail_as(struct parser *p, enum toml_error_kind kind, size_t at,
                              const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_kind(p, kind, at, fmt, ap);
}

#define FAIL(p, ...) fail_at((p), (p)->pos, __VA_ARGS__)

static void *arena_alloc(struct parser *p, size_t size) {
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    struct chunk *c = p->root->chunks;
    if (!c || c->size - c->used < size) {
        size_t want = size > 16384 ? size : 16384;
        c = malloc(sizeof *c + want);
        if (!c) oom(p);
        c->size = want;
        c->used = 0;
        c->next = p->root->chunks;
        p->root->chunks = c;
    }
    void *r = (char *)c->data + c->used;
    c->used += size;
    return r;
}

static struct toml_value *new_value(struct parser *p, enum toml_type t) {
    struct toml_value *v = arena_alloc(p, sizeof *v);
    memset(v, 0, sizeof *v);
    v->type = t;
    v->at = p->pos;
    return v;
}

/* Grows an arena array of `elem`-sized items; the old block is left in the arena. */
static void *grow(struct parser *p, void *items, size_t len, size_t *cap, size_t elem) {
    if (len < *cap) return items;
    size_t ncap = *cap ? *cap * 2 : 4;
    void *n = arena_alloc(p, ncap * elem);
    if (len) memcpy(n, items, len * elem);
    *cap = ncap;
    return n;
}

static void array_push(struct parser *p, struct toml_value *arr, struct toml_value *v) {
    arr->array.items =
        grow(p, arr->array.items, arr->array.len, &arr->array.cap, sizeof *arr->array.items);
    arr->array.items[arr->array.len++] = v;
}

static struct toml_value *table_get(struct toml_value *t, const char *k, size_t kl) {
    for (size_t i = 0; i < t->table.len; i++) {
        struct toml_entry *e = &t->table.entries[i];
        if (e->key_len == kl && memcmp(e->key, k, kl) == 0) return e->value;
    }
    return NULL;
}

static void table_put(struct parser *p, struct toml_value *t, const char *k, size_t kl,
                      struct toml_value *v) {
    t->table.entries =
        grow(p, t->table.entries, t->table.len, &t->table.cap, sizeof *t->table.entries);
    t->table.entries[t->table.len++] = (struct toml_entry){(char *)k, kl, v};
}

/* ---- text buffer for strings being decoded ---- */

struct sbuf {
    char *ptr;
    size_t len, cap;
};

static void sb_add(struct parser *p, struct sbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 32;
        while (ncap < b->len + n + 1)
            ncap *= 2;
        char *nb = arena_alloc(p, ncap);
        if (b->len) memcpy(nb, b->ptr, b->len);
        b->ptr = nb;
        b->cap = ncap;
    }
    memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = 0;
}

static void sb_utf8(struct parser *p, struct sbuf *b, unsigned long c) {
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    sb_add(p, b, u, n);
}

/* ---- lexical helpers ---- */

static int peek(struct parser *p, size_t off) {
    return p->pos + off < p->n ? (unsigned char)p->s[p->pos + off] : -1;
}

static bool at_str(struct parser *p, const char *lit) {
    size_t l = strlen(lit);
    return p->pos + l <= p->n && memcmp(p->s + p->pos, lit, l) == 0;
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_bare(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-';
}

/* Control characters other than tab are not allowed in comments or strings. */
static bool is_control(int c) {
    return (c >= 0 && c < 0x20 && c != '\t') || c == 0x7F;
}

static void skip_ws(struct parser *p) {
    while (peek(p, 0) == ' ' || peek(p, 0) == '\t')
        p->pos++;
}

static void skip_comment(struct parser *p) {
    if (peek(p, 0) != '#') return;
    while (p->pos < p->n && p->s[p->pos] != '\n') {
        int c = peek(p, 0);
        if (c == '\r' && peek(p, 1) == '\n') break;
        if (is_control(c)) FAIL(p, "control character 0x%02x in a comment", c);
        p->pos++;
    }
}

/* Consumes one newline (LF or CRLF); false when there is none. */
static bool eat_newline(struct parser *p) {
    if (peek(p, 0) == '\n') {
        p->pos++;
        return true;
    }
    if (peek(p, 0) == '\r' && peek(p, 1) == '\n') {
        p->pos += 2;
        return true;
    }
    return false;
}

/* Whitespace, comments and newlines, as allowed between array elements. */
static void skip_ws_nl(struct parser *p) {
    for (;;) {
        skip_ws(p);
        skip_comment(p);
        if (!eat_newline(p)) return;
    }
}

static void end_of_line(struct parser *p) {
    skip_ws(p);
    skip_comment(p);
    if (p->pos < p->n && !eat_newline(p)) FAIL(p, "expected a newline or the end of the input");
}

/* ---- strings ---- */

static int hexval(int c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void escape(struct parser *p, struct sbuf *b) {
    size_t at = p->pos;
    p->pos++; /* the backslash */
    int c = peek(p, 0);
    const char *simple = NULL;
    switch (c) {
    case 'b': simple = "\b"; break;
    case 't': simple = "\t"; break;
    case 'n': simple = "\n"; break;
    case 'f': simple = "\f"; break;
    case 'r': simple = "\r"; break;
    case '"': simple = "\""; break;
    case '\\': simple = "\\"; break;
    case 'u':
    case 'U': {
        int digits = c == 'u' ? 4 : 8;
        unsigned long v = 0;
        for (int i = 1; i <= digits; i++) {
            int h = hexval(peek(p, (size_t)i));
            if (h < 0) fail_at(p, at, "\\%c needs %d hexadecimal digits", c, digits);
            v = v * 16 + (unsigned long)h;
        }
        if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            fail_at(p, at, "\\%c escape is not a Unicode scalar value", c);
        p->pos += 1 + (size_t)digits;
        sb_utf8(p, b, v);
        return;
    }
    default: fail_at(p, at, "invalid escape sequence in a string");
    }
    sb_add(p, b, simple, 1);
    p->pos++;
}

static void string_char(struct parser *p, struct sbuf *b, bool multiline) {
    int c = peek(p, 0);
    if (c == '\r' && multiline && peek(p, 1) == '\n') {
        sb_add(p, b, "\r\n", 2);
        p->pos += 2;
        return;
    }
    if (c == '\n' && multiline) {
        sb_add(p, b, "\n", 1);
        p->pos++;
        return;
    }
    if (c == '\n' || (c == '\r' && peek(p, 1) == '\n')) FAIL(p, "newline in a single-line string");
    if (is_control(c)) FAIL(p, "control character 0x%02x in a string", c);
    sb_add(p, b, p->s + p->pos, 1);
    p->pos++;
}

/* A single-line basic ("...") or literal ('...') string; p->pos is on the opening quote. */
static void parse_simple_string(struct parser *p, struct sbuf *b) {
    size_t start = p->pos;
    int q = peek(p, 0);
    p->pos++;
    for (;;) {
        int c = peek(p, 0);
        if (c < 0) fail_at(p, start, "unterminated string");
        if (c == q) {
            p->pos++;
            break;
        }
        if (c == '\\' && q == '"')
            escape(p, b);
        else
            string_char(p, b, false);
    }
    if (!b->ptr) sb_add(p, b, "", 0);
}

/* A multi-line string; p->pos is on the first of the three opening quotes. */
static void parse_ml_string(struct parser *p, struct sbuf *b) {
    size_t start = p->pos;
    int q = peek(p, 0);
    p->pos += 3;
    eat_newline(p); /* a newline right after the delimiter is trimmed */
    sb_add(p, b, "", 0);
    for (;;) {
        int c = peek(p, 0);
        if (c < 0) fail_at(p, start, "unterminated multi-line string");
        if (c == q && peek(p, 1) == q && peek(p, 2) == q) {
            size_t k = 3;
            while (peek(p, k) == q)
                k++;
            if (k > 5) FAIL(p, "too many quotes at the end of a multi-line string");
            sb_add(p, b, p->s + p->pos, k - 3); /* up to two quotes belong to the content */
            p->pos += k;
            return;
        }
        if (c == '\\' && q == '"') {
            /* A line-ending backslash swallows the newline and following whitespace. */
            size_t k = 1;
            while (peek(p, k) == ' ' || peek(p, k) == '\t')
                k++;
            if (peek(p, k) == '\n' || (peek(p, k) == '\r' && peek(p, k + 1) == '\n')) {
                p->pos += k;
                while (eat_newline(p) || peek(p, 0) == ' ' || peek(p, 0) == '\t')
                    if (peek(p, 0) == ' ' || peek(p, 0) == '\t') p->pos++;
                continue;
            }
            escape(p, b);
            continue;
        }
        string_char(p, b, true);
    }
}

/* ---- keys ---- */

struct key {
    const char *ptr;
    size_t len;
    size_t at; /* position, for errors */
};

struct keypath {
    struct key *parts;
    size_t len, cap;
    size_t end; /* just after the last part, before any whitespace */
};

static void parse_key(struct parser *p, struct keypath *kp) {
    kp->len = 0;
    for (;;) {
        skip_ws(p);
        struct key k = {.at = p->pos};
        int c = peek(p, 0);
        if (c == '"' || c == '\'') {
            if (peek(p, 1) == c && peek(p, 2) == c) FAIL(p, "a key cannot be a multi-line string");
            struct sbuf b = {0};
            parse_simple_string(p, &b);
            k.ptr = b.ptr;
            k.len = b.len;
        } else if (is_bare(c)) {
            size_t s = p->pos;
            while (is_bare(peek(p, 0)))
                p->pos++;
            k.ptr = p->s + s;
            k.len = p->pos - s;
        } else {
            FAIL(p, "expected a key");
        }
        kp->parts = grow(p, kp->parts, kp->len, &kp->cap, sizeof *kp->parts);
        kp->parts[kp->len++] = k;
        kp->end = p->pos;
        skip_ws(p);
        if (peek(p, 0) != '.') return;
        p->pos++;
    }
}

/* ---- numbers and dates ---- */

/* Digits of `ok` class with single underscores between them, starting at t[*i].
 * Returns the number of digits read. */
static size_t scan_digits(struct parser *p, size_t base_at, const char *t, size_t n, size_t *i,
                          int (*ok)(int)) {
    size_t count = 0;
    while (*i < n) {
        if (ok((unsigned char)t[*i])) {
            count++;
            (*i)++;
        } else if (t[*i] == '_') {
            if (count == 0 || *i + 1 >= n || !ok((unsigned char)t[*i + 1]))
                fail_at(p, base_at + *i, "an underscore must be between two digits");
            (*i)++;
        } else {
            break;
        }
    }
    return count;
}

static int dec_ok(int c) {
    return is_digit(c);
}
static int hex_ok(int c) {
    return hexval(c) >= 0;
}
static int oct_ok(int c) {
    return c >= '0' && c <= '7';
}
static int bin_ok(int c) {
    return c == '0' || c == '1';
}

static struct toml_value *parse_number(struct parser *p) {
    size_t at = p->pos, end = p->pos;
    while (end < p->n && (is_bare((unsigned char)p->s[end]) || p->s[end] == '.' ||
                          p->s[end] == '+' || p->s[end] == '_'))
        end++;
    const char *t = p->s + at;
    size_t n = end - at, i = 0;
    p->pos = end;
    bool neg = false, sign = false;
    if (n && (t[0] == '+' || t[0] == '-')) {
        neg = t[0] == '-';
        sign = true;
        i++;
    }
    if (n - i == 3 && (memcmp(t + i, "inf", 3) == 0 || memcmp(t + i, "nan", 3) == 0)) {
        struct toml_value *v = new_value(p, TOML_FLOAT);
        v->real = t[i] == 'i' ? INFINITY : NAN;
        if (neg) v->real = -v->real;
        return v;
    }
    if (n - i >= 2 && t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'o' || t[i + 1] == 'b')) {
        if (sign) fail_at(p, at, "a hexadecimal, octal or binary integer cannot have a sign");
        int base = t[i + 1] == 'x' ? 16 : t[i + 1] == 'o' ? 8 : 2;
        i += 2;
        size_t ds = i;
        size_t count = scan_digits(p, at, t, n, &i,
                                   base == 16  ? hex_ok
                                   : base == 8 ? oct_ok
                                               : bin_ok);
        if (count == 0 || i != n) fail_at(p, at, "invalid integer");
        uint64_t v = 0;
        for (size_t k = ds; k < n; k++) {
            if (t[k] == '_') continue;
            uint64_t d = (uint64_t)hexval((unsigned char)t[k]);
            if (v > (UINT64_C(0x7FFFFFFFFFFFFFFF) - d) / (uint64_t)base)
                fail_at(p, at, "integer out of range");
            v = v * (uint64_t)base + d;
        }
        struct toml_value *r = new_value(p, TOML_INT);
        r->integer = (int64_t)v;
        return r;
    }
    size_t int_start = i;
    size_t count = scan_digits(p, at, t, n, &i, dec_ok);
    if (count == 0) fail_at(p, at, "invalid value");
    if (t[int_start] == '0' && count > 1) fail_at(p, at, "leading zeros are not allowed");
    bool is_float = false;
    if (i < n && t[i] == '.') {
        i++;
        if (scan_digits(p, at, t, n, &i, dec_ok) == 0)
            fail_at(p, at, "a decimal point must be followed by digits");
        is_float = true;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        if (i < n && (t[i] == '+' || t[i] == '-')) i++;
        if (scan_digits(p, at, t, n, &i, dec_ok) == 0) fail_at(p, at, "invalid exponent");
        is_float = true;
    }
    if (i != n) fail_at(p, at, "invalid value");
    char buf[128];
    size_t bl = 0;
    for (size_t k = 0; k < n; k++) {
        if (t[k] == '_') continue;
        if (bl + 1 >= sizeof buf) fail_at(p, at, "number too long");
        buf[bl++] = t[k];
    }
    buf[bl] = 0;
    if (is_float) {
        struct toml_value *v = new_value(p, TOML_FLOAT);
        v->real = strtod(buf, NULL);
        /* Too big for a double: the largest one, as Nix's TOML library gives. */
        if (isinf(v->real)) v->real = v->real > 0 ? DBL_MAX : -DBL_MAX;
        return v;
    }
    errno = 0;
    long long v = strtoll(buf, NULL, 10);
    if (errno == ERANGE) fail_at(p, at, "integer out of range");
    struct toml_value *r = new_value(p, TOML_INT);
    r->integer = v;
    return r;
}

/* Reads exactly `k` decimal digits at s[*i] into *out. */
static bool fixed_digits(const char *s, size_t n, size_t *i, int k, int *out) {
    int v = 0;
    for (int j = 0; j < k; j++) {
        if (*i >= n || !is_digit((unsigned char)s[*i])) return false;
        v = v * 10 + (s[*i] - '0');
        (*i)++;
    }
    *out = v;
    return true;
}

static bool time_part(const char *s, size_t n, size_t *i) {
    int h, m, sec;
    if (!fixed_digits(s, n, i, 2, &h) || *i >= n || s[(*i)++] != ':') return false;
    if (!fixed_digits(s, n, i, 2, &m) || *i >= n || s[(*i)++] != ':') return false;
    if (!fixed_digits(s, n, i, 2, &sec)) return false;
    if (h > 23 || m > 59 || sec > 60) return false;
    if (*i < n && s[*i] == '.') {
        (*i)++;
        size_t f = *i;
        while (*i < n && is_digit((unsigned char)s[*i]))
            (*i)++;
        if (*i == f) return false;
    }
    return true;
}

static bool looks_like_date(struct parser *p) {
    for (size_t k = 0; k < 4; k++)
        if (!is_digit(peek(p, k))) return false;
    return peek(p, 4) == '-';
}

static bool looks_like_time(struct parser *p) {
    return is_digit(peek(p, 0)) && is_digit(peek(p, 1)) && peek(p, 2) == ':';
}

static struct toml_value *parse_datetime(struct parser *p) {
    size_t at = p->pos, i = p->pos;
    const char *s = p->s;
    size_t n = p->n;
    if (looks_like_date(p)) {
        int y, mo, d;
        i += 5;
        y = (s[at] - '0') * 1000 + (s[at + 1] - '0') * 100 + (s[at + 2] - '0') * 10 +
            (s[at + 3] - '0');
        if (!fixed_digits(s, n, &i, 2, &mo) || i >= n || s[i++] != '-' ||
            !fixed_digits(s, n, &i, 2, &d))
            fail_at(p, at, "invalid date");
        static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap))
            fail_at(p, at, "invalid date");
        bool has_time = false;
        if (i < n && (s[i] == 'T' || s[i] == 't')) {
            i++;
            has_time = true;
        } else if (i + 2 < n && s[i] == ' ' && is_digit((unsigned char)s[i + 1]) &&
                   is_digit((unsigned char)s[i + 2])) {
            i++;
            has_time = true;
        }
        if (has_time) {
            if (!time_part(s, n, &i)) fail_at(p, at, "invalid date-time");
            if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
                i++;
            } else if (i < n && (s[i] == '+' || s[i] == '-')) {
                int oh, om;
                i++;
                if (!fixed_digits(s, n, &i, 2, &oh) || i >= n || s[i++] != ':' ||
                    !fixed_digits(s, n, &i, 2, &om) || oh > 23 || om > 59)
                    fail_at(p, at, "invalid time offset");
            }
        }
    } else if (!time_part(s, n, &i)) {
        fail_at(p, at, "invalid time");
    }
    if (i < n && (is_bare((unsigned char)s[i]) || s[i] == '.' || s[i] == ':' || s[i] == '+'))
        fail_at(p, at, "invalid date or time");
    struct toml_value *v = new_value(p, TOML_DATETIME);
    struct sbuf b = {0};
    sb_add(p, &b, s + at, i - at);
    v->str.ptr = b.ptr;
    v->str.len = b.len;
    p->pos = i;
    return v;
}

/* ---- values and tables ---- */

static struct toml_value *parse_value(struct parser *p, int depth);

static void seal(struct toml_value *t) {
    t->flags |= TAB_SEALED;
    for (size_t i = 0; i < t->table.len; i++)
        if (t->table.entries[i].value->type == TOML_TABLE) seal(t->table.entries[i].value);
}

/* Puts `v` at the dotted key `kp` below table `t` (a key/value line or inline table entry). */
static void assign(struct parser *p, struct toml_value *t, const struct keypath *kp,
                   struct toml_value *v) {
    for (size_t i = 0; i + 1 < kp->len; i++) {
        const struct key *k = &kp->parts[i];
        struct toml_value *sub = table_get(t, k->ptr, k->len);
        if (!sub) {
            sub = new_value(p, TOML_TABLE);
            sub->flags = TAB_DOTTED;
            table_put(p, t, k->ptr, k->len, sub);
        } else if (sub->type != TOML_TABLE || !(sub->flags & TAB_DOTTED) ||
                   (sub->flags & TAB_SEALED)) {
            fail_at(p, k->at, "cannot add keys to '%.*s': it is already defined", (int)k->len,
                    k->ptr);
        }
        t = sub;
    }
    const struct key *last = &kp->parts[kp->len - 1];
    struct toml_value *old = table_get(t, last->ptr, last->len);
    if (old) {
        if (p->info) {
            /* The whole dotted key, as Nix's TOML library names it. */
            size_t kl = 0, cap = sizeof p->info->key - 1;
            for (size_t i = 0; i < kp->len && kl < cap; i++) {
                if (i) p->info->key[kl++] = '.';
                size_t l = kp->parts[i].len < cap - kl ? kp->parts[i].len : cap - kl;
                memcpy(p->info->key + kl, kp->parts[i].ptr, l);
                kl += l;
            }
            p->info->key[kl] = 0;
            p->info->first_at = old->at;
            p->info->first_end = old->end > old->at ? old->end : old->at + 1;
            p->info->end = v->end;
        }
        fail_as(p, TOML_ERR_DUPLICATE, v->at, "duplicate key '%.*s'", (int)last->len, last->ptr);
    }
    table_put(p, t, last->ptr, last->len, v);
}

static struct toml_value *parse_inline_table(struct parser *p, int depth) {
    struct toml_value *t = new_value(p, TOML_TABLE);
    p->pos++;
    skip_ws(p);
    if (peek(p, 0) == '}') {
        p->pos++;
        t->flags = TAB_SEALED;
        return t;
    }
    struct keypath kp = {0};
    for (;;) {
        parse_key(p, &kp);
        if (peek(p, 0) != '=') FAIL(p, "expected '=' after a key");
        p->pos++;
        skip_ws(p);
        struct toml_value *v = parse_value(p, depth + 1);
        assign(p, t, &kp, v);
        skip_ws(p);
        if (peek(p, 0) == ',') {
            p->pos++;
            continue;
        }
        if (peek(p, 0) == '}') {
            p->pos++;
            break;
        }
        FAIL(p, "expected ',' or '}' in an inline table");
    }
    seal(t);
    return t;
}

static struct toml_value *parse_array(struct parser *p, int depth) {
    struct toml_value *a = new_value(p, TOML_ARRAY);
    p->pos++;
    for (;;) {
        skip_ws_nl(p);
        if (peek(p, 0) == ']') {
            p->pos++;
            return a;
        }
        array_push(p, a, parse_value(p, depth + 1));
        skip_ws_nl(p);
        if (peek(p, 0) == ',') {
            p->pos++;
            continue;
        }
        if (peek(p, 0) == ']') {
            p->pos++;
            return a;
        }
        FAIL(p, "expected ',' or ']' in an array");
    }
}

static struct toml_value *parse_value_at(struct parser *p, int depth) {
    if (depth > 1000) FAIL(p, "values nested too deeply");
    int c = peek(p, 0);
    if (c == '"' || c == '\'') {
        struct toml_value *v = new_value(p, TOML_STRING);
        struct sbuf b = {0};
        if (peek(p, 1) == c && peek(p, 2) == c)
            parse_ml_string(p, &b);
        else
            parse_simple_string(p, &b);
        v->str.ptr = b.ptr;
        v->str.len = b.len;
        return v;
    }
    if (c == '[') return parse_array(p, depth);
    if (c == '{') return parse_inline_table(p, depth);
    if (at_str(p, "true") && !is_bare(peek(p, 4))) {
        struct toml_value *v = new_value(p, TOML_BOOL);
        v->boolean = true;
        p->pos += 4;
        return v;
    }
    if (at_str(p, "false") && !is_bare(peek(p, 5))) {
        struct toml_value *v = new_value(p, TOML_BOOL);
        p->pos += 5;
        return v;
    }
    if (looks_like_date(p) || looks_like_time(p)) return parse_datetime(p);
    if (c == '+' || c == '-' || is_digit(c) || c == 'i' || c == 'n') return parse_number(p);
    if (c < 0 || c == '\n' || c == '\r' || c == '#') FAIL(p, "expected a value");
    FAIL(p, "invalid value");
}

static struct toml_value *parse_value(struct parser *p, int depth) {
    size_t start = p->pos;
    struct toml_value *v = parse_value_at(p, depth);
    v->at = start;
    v->end = p->pos;
    return v;
}

/* A [header] or [[header]] line; returns the table that following keys go into. */
static struct toml_value *parse_header(struct parser *p, struct keypath *kp) {
    bool aot = peek(p, 1) == '[';
    p->pos += aot ? 2 : 1;
    parse_key(p, kp);
    if (peek(p, 0) != ']' || (aot && peek(p, 1) != ']'))
        FAIL(p, aot ? "expected ']]' after a table name" : "expected ']' after a table name");
    p->pos += aot ? 2 : 1;
    end_of_line(p);

    struct toml_value *t = &p->root->value;
    for (size_t i = 0; i + 1 < kp->len; i++) {
        const struct key *k = &kp->parts[i];
        struct toml_value *sub = table_get(t, k->ptr, k->len);
        if (!sub) {
            sub = new_value(p, TOML_TABLE);
            sub->flags = TAB_IMPLICIT;
            table_put(p, t, k->ptr, k->len, sub);
        } else if (sub->type == TOML_ARRAY && (sub->flags & ARR_TABLES)) {
            sub = sub->array.items[sub->array.len - 1];
        } else if (sub->type != TOML_TABLE || (sub->flags & TAB_SEALED)) {
            fail_at(p, k->at, "'%.*s' is not a table that can be extended", (int)k->len, k->ptr);
        }
        t = sub;
    }
    const struct key *k = &kp->parts[kp->len - 1];
    struct toml_value *cur = table_get(t, k->ptr, k->len);
    struct toml_value *nt = new_value(p, TOML_TABLE);
    nt->flags = TAB_EXPLICIT;
    if (aot) {
        if (!cur) {
            cur = new_value(p, TOML_ARRAY);
            cur->flags = ARR_TABLES;
            table_put(p, t, k->ptr, k->len, cur);
        } else if (cur->type != TOML_ARRAY || !(cur->flags & ARR_TABLES)) {
            fail_at(p, k->at, "'%.*s' is already defined and is not an array of tables",
                    (int)k->len, k->ptr);
        }
        array_push(p, cur, nt);
        return nt;
    }
    if (!cur) {
        table_put(p, t, k->ptr, k->len, nt);
        return nt;
    }
    if (cur->type == TOML_TABLE && cur->flags == TAB_IMPLICIT) {
        cur->flags = TAB_EXPLICIT;
        return cur;
    }
    fail_at(p, k->at, "table '%.*s' is defined twice", (int)k->len, k->ptr);
}

/* Returns the length of a valid UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    size_t len;
    unsigned long v;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && v < 0x10000) || v > 0x10FFFF ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return len;
}

static void parse_document(struct parser *p) {
    for (size_t i = 0; i < p->n;) {
        size_t l = utf8_seq((const unsigned char *)p->s + i, p->n - i);
        if (!l) fail_at(p, i, "invalid UTF-8");
        i += l;
    }
    struct toml_value *cur = &p->root->value;
    struct keypath kp = {0};
    for (;;) {
        skip_ws(p);
        skip_comment(p);
        if (p->pos >= p->n) return;
        if (eat_newline(p)) continue;
        if (peek(p, 0) == '[') {
            cur = parse_header(p, &kp);
            continue;
        }
        parse_key(p, &kp);
        if (peek(p, 0) != '=') fail_as(p, TOML_ERR_NO_EQUALS, kp.end, "expected '=' after a key");
        p->pos++;
        skip_ws(p);
        int c = peek(p, 0);
        if (c < 0 || c == '\n' || c == '\r' || c == '#')
            fail_as(p, TOML_ERR_NO_VALUE, p->pos, "expected a value");
        struct toml_value *v = parse_value(p, 0);
        assign(p, cur, &kp, v);
        end_of_line(p);
    }
}

static void free_chunks(struct chunk *c) {
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
}

int toml_parse(const char *src, size_t n, struct toml_value **out, char *err, size_t errlen) {
    return toml_parse_ex(src, n, out, err, errlen, NULL);
}

int toml_parse_ex(const char *src, size_t n, struct toml_value **out, char *err, size_t errlen,
                  struct toml_error *info) {
    struct root *root = malloc(sizeof *root);
    if (!root) return -2;
    memset(root, 0, sizeof *root);
    root->value.type = TOML_TABLE;
    root->value.flags = TAB_EXPLICIT;
    struct parser p = {.s = src, .n = n, .root = root, .err = err, .errlen = errlen, .info = info};
    if (errlen) err[0] = 0;
    int rc = setjmp(p.fail);
    if (rc != 0) {
        free_chunks(root->chunks);
        free(root);
        return rc;
    }
    parse_document(&p);
    *out = &root->value;
    return 0;
}

void toml_free(struct toml_value *v) {
    if (!v) return;
    struct root *root = (struct root *)((char *)v - offsetof(struct root, value));
    free_chunks(root->chunks);
    free(root);
}

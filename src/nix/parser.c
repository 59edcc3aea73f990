/* src/nix/parser.c: the Nix lexer and a recursive-descent parser producing ast.h nodes.
 *
 * Owns: tokens (longest match among identifiers, numbers, paths, URIs as Nix's flex lexer does),
 * string and indented-string parsing (escapes, interpolation, indentation stripping), operator
 * precedence, attribute-path merging, and resolving variables to (level, index).
 *
 * The lexer is driven by the parser: string bodies are scanned directly from the source when the
 * parser meets a quote, so interpolations nest naturally through recursion. */
#include "nix/ast.h"

#include <errno.h>
#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok {
    T_EOF,
    T_ID,
    T_INT,
    T_FLOAT,
    T_PATH,  /* text: the path as written; followed by ${ when interp is set */
    T_HPATH, /* ~/... */
    T_SPATH, /* <...> */
    T_URI,
    T_DQUOTE,   /* " */
    T_IND_OPEN, /* '' */
    T_DOLLAR_CURLY,
    T_IF,
    T_THEN,
    T_ELSE,
    T_ASSERT,
    T_WITH,
    T_LET,
    T_IN,
    T_REC,
    T_INHERIT,
    T_OR_KW,
    T_ELLIPSIS,
    T_EQ,
    T_NEQ,
    T_LEQ,
    T_GEQ,
    T_AND,
    T_OR,
    T_IMPL,
    T_UPDATE,
    T_CONCAT,
    T_CHAR, /* single-character token in `c` */
};

struct token {
    enum tok t;
    char c;
    const char *start;
    size_t len;
    uint32_t line, col;
    int64_t i;
    double f;
    bool path_interp; /* T_PATH/T_HPATH directly followed by ${ */
};

struct lexpos {
    const char *p;
    uint32_t line, col;
};

struct parser {
    struct eval_state *st;
    const struct source *src;
    const char *end;
    struct lexpos lp; /* where the lexer continues */
    struct token tok; /* lookahead when have_tok */
    bool have_tok;
    struct token last; /* the last consumed token (EOF errors point at it, as bison does) */
    struct scope *scope;
    int scanning; /* > 0 while pre-scanning: unresolved variables are not errors yet */
};

static nix_pos mkpos(struct parser *ps, uint32_t line, uint32_t col) {
    return eval_pos_new(ps->st, ps->src, line, col);
}

static const char *tok_desc(const struct token *t, char *buf, size_t n) {
    switch (t->t) {
    case T_EOF: return "end of file";
    case T_ID: return "ID";
    case T_INT: return "INT";
    case T_FLOAT: return "FLOAT";
    case T_PATH: return t->path_interp ? "PATH_START" : "PATH";
    case T_HPATH: return t->path_interp ? "HPATH_START" : "HPATH";
    case T_SPATH: return "SPATH";
    case T_URI: return "URI";
    case T_DQUOTE: return "'\"'";
    case T_IND_OPEN: return "IND_STRING_OPEN";
    case T_DOLLAR_CURLY: return "DOLLAR_CURLY";
    case T_IF: return "IF";
    case T_THEN: return "THEN";
    case T_ELSE: return "ELSE";
    case T_ASSERT: return "ASSERT";
    case T_WITH: return "WITH";
    case T_LET: return "LET";
    case T_IN: return "IN";
    case T_REC: return "REC";
    case T_INHERIT: return "INHERIT";
    case T_OR_KW: return "OR_KW";
    case T_ELLIPSIS: return "ELLIPSIS";
    case T_EQ: return "EQ";
    case T_NEQ: return "NEQ";
    case T_LEQ: return "LEQ";
    case T_GEQ: return "GEQ";
    case T_AND: return "AND";
    case T_OR: return "OR";
    case T_IMPL: return "IMPL";
    case T_UPDATE: return "UPDATE";
    case T_CONCAT: return "CONCAT";
    case T_CHAR: snprintf(buf, n, "'%c'", t->c); return buf;
    }
    return "token";
}

__attribute__((noreturn)) static void syntax_error_at(struct parser *ps, uint32_t line,
                                                      uint32_t col, const char *msg) {
    eval_error(ps->st, ERR_PARSE, mkpos(ps, line, col), "%s", msg);
}

__attribute__((noreturn)) static void unexpected(struct parser *ps, const struct token *t,
                                                 const char *expecting) {
    char buf[16];
    char msg[256];
    if (expecting)
        snprintf(msg, sizeof msg, "syntax error, unexpected %s, expecting %s",
                 tok_desc(t, buf, sizeof buf), expecting);
    else
        snprintf(msg, sizeof msg, "syntax error, unexpected %s", tok_desc(t, buf, sizeof buf));
    if (t->t == T_EOF) syntax_error_at(ps, ps->last.line, ps->last.col, msg);
    syntax_error_at(ps, t->line, t->col, msg);
}

/* ---------------------------------------------------------------- lexer */

static inline int cur(struct parser *ps) {
    return ps->lp.p < ps->end ? (unsigned char)*ps->lp.p : -1;
}
static inline int at(struct parser *ps, size_t k) {
    return ps->lp.p + k < ps->end ? (unsigned char)ps->lp.p[k] : -1;
}
static void advance(struct parser *ps, size_t n) {
    for (size_t i = 0; i < n && ps->lp.p < ps->end; i++) {
        if (*ps->lp.p == '\n') {
            ps->lp.line++;
            ps->lp.col = 1;
        } else {
            ps->lp.col++;
        }
        ps->lp.p++;
    }
}

static bool is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_id_char(int c) {
    return is_id_start(c) || (c >= '0' && c <= '9') || c == '\'' || c == '-';
}
static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
static bool is_path_char(int c) {
    return is_id_start(c) || is_digit(c) || c == '.' || c == '-' || c == '+';
}
static bool is_uri_char(int c) {
    return is_id_start(c) || is_digit(c) || (c != 0 && c != -1 && strchr("%/?:@&=+$,-_.!~*'", c));
}

static void skip_ws(struct parser *ps) {
    for (;;) {
        int c = cur(ps);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            advance(ps, 1);
        } else if (c == '#') {
            while (cur(ps) != -1 && cur(ps) != '\n')
                advance(ps, 1);
        } else if (c == '/' && at(ps, 1) == '*') {
            uint32_t l = ps->lp.line, co = ps->lp.col;
            advance(ps, 2);
            for (;;) {
                if (cur(ps) == -1) {
                    struct token t = {.t = T_EOF, .line = l, .col = co};
                    (void)t;
                    syntax_error_at(ps, l, co, "syntax error, unterminated comment");
                }
                if (cur(ps) == '*' && at(ps, 1) == '/') {
                    advance(ps, 2);
                    break;
                }
                advance(ps, 1);
            }
        } else {
            return;
        }
    }
}

/* Length of the match of each candidate rule at p (0 = no match). */
static size_t match_id(const char *p, const char *e) {
    if (p >= e || !is_id_start((unsigned char)*p)) return 0;
    const char *q = p + 1;
    while (q < e && is_id_char((unsigned char)*q))
        q++;
    return (size_t)(q - p);
}
static size_t match_int(const char *p, const char *e) {
    const char *q = p;
    while (q < e && is_digit((unsigned char)*q))
        q++;
    return (size_t)(q - p);
}
static size_t match_exp(const char *q, const char *e) {
    if (q < e && (*q == 'e' || *q == 'E')) {
        const char *r = q + 1;
        if (r < e && (*r == '+' || *r == '-')) r++;
        const char *d = r;
        while (r < e && is_digit((unsigned char)*r))
            r++;
        if (r > d) return (size_t)(r - q);
    }
    return 0;
}
/* (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)? */
static size_t match_float(const char *p, const char *e) {
    const char *q = p;
    if (q < e && *q >= '1' && *q <= '9') {
        while (q < e && is_digit((unsigned char)*q))
            q++;
        if (q >= e || *q != '.') return 0;
        q++;
        while (q < e && is_digit((unsigned char)*q))
            q++;
    } else {
        if (q < e && *q == '0') q++;
        if (q >= e || *q != '.') return 0;
        q++;
        const char *d = q;
        while (q < e && is_digit((unsigned char)*q))
            q++;
        if (q == d) return 0;
    }
    q += match_exp(q, e);
    return (size_t)(q - p);
}
/* {PATH_CHAR}*(\/{PATH_CHAR}+)+\/? ; *trailing set when it ends in '/' */
static size_t match_path(const char *p, const char *e) {
    const char *q = p;
    while (q < e && is_path_char((unsigned char)*q))
        q++;
    size_t segs = 0;
    for (;;) {
        if (q < e && *q == '/' && q + 1 < e && is_path_char((unsigned char)q[1])) {
            q++;
            while (q < e && is_path_char((unsigned char)*q))
                q++;
            segs++;
        } else {
            break;
        }
    }
    if (segs == 0) {
        /* PATH_SEG followed by ${: {PATH_CHAR}*\/\$\{ */
        if (q < e && *q == '/' && q + 2 < e && q[1] == '$' && q[2] == '{')
            return (size_t)(q + 1 - p);
        return 0;
    }
    if (q < e && *q == '/') q++;
    return (size_t)(q - p);
}
static size_t match_hpath(const char *p, const char *e) {
    if (p >= e || *p != '~') return 0;
    size_t n = match_path(p + 1, e);
    if (n == 0 || p[1] != '/') return 0;
    return n + 1;
}
static size_t match_spath(const char *p, const char *e) {
    if (p >= e || *p != '<') return 0;
    const char *q = p + 1;
    const char *s = q;
    while (q < e && is_path_char((unsigned char)*q))
        q++;
    if (q == s) return 0;
    while (q < e && *q == '/') {
        const char *r = q + 1;
        const char *rs = r;
        while (r < e && is_path_char((unsigned char)*r))
            r++;
        if (r == rs) return 0;
        q = r;
    }
    if (q < e && *q == '>') return (size_t)(q + 1 - p);
    return 0;
}
static size_t match_uri(const char *p, const char *e) {
    if (p >= e || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) return 0;
    const char *q = p + 1;
    while (q < e && (is_id_start((unsigned char)*q) || is_digit((unsigned char)*q) || *q == '+' ||
                     *q == '-' || *q == '.'))
        q++;
    if (q >= e || *q != ':') return 0;
    q++;
    const char *s = q;
    while (q < e && is_uri_char((unsigned char)*q))
        q++;
    if (q == s) return 0;
    return (size_t)(q - p);
}

static const struct {
    const char *kw;
    enum tok t;
} keywords[] = {
    {"if", T_IF},           {"then", T_THEN}, {"else", T_ELSE}, {"assert", T_ASSERT},
    {"with", T_WITH},       {"let", T_LET},   {"in", T_IN},     {"rec", T_REC},
    {"inherit", T_INHERIT}, {"or", T_OR_KW},  {NULL, T_EOF},
};

static void lex(struct parser *ps, struct token *t) {
    skip_ws(ps);
    memset(t, 0, sizeof *t);
    t->line = ps->lp.line;
    t->col = ps->lp.col;
    t->start = ps->lp.p;
    const char *p = ps->lp.p, *e = ps->end;
    if (p >= e) {
        t->t = T_EOF;
        return;
    }
    size_t nid = match_id(p, e), nint = match_int(p, e), nfl = match_float(p, e);
    size_t npath = match_path(p, e), nh = match_hpath(p, e), nsp = match_spath(p, e);
    size_t nuri = match_uri(p, e);
    size_t best = nid;
    enum tok bt = T_ID;
    if (nint > best) best = nint, bt = T_INT;
    if (nfl > best) best = nfl, bt = T_FLOAT;
    if (npath > best) best = npath, bt = T_PATH;
    if (nh > best) best = nh, bt = T_HPATH;
    if (nsp > best) best = nsp, bt = T_SPATH;
    if (nuri > best) best = nuri, bt = T_URI;
    /* Operators that a longer alphanumeric match does not cover. */
    if (best == 0 || (best == 1 && bt == T_PATH)) {
        /* "..." etc. */
        static const struct {
            const char *s;
            enum tok t;
        } ops[] = {{"...", T_ELLIPSIS}, {"==", T_EQ},           {"!=", T_NEQ},
                   {"<=", T_LEQ},       {">=", T_GEQ},          {"&&", T_AND},
                   {"||", T_OR},        {"->", T_IMPL},         {"//", T_UPDATE},
                   {"++", T_CONCAT},    {"${", T_DOLLAR_CURLY}, {"''", T_IND_OPEN},
                   {NULL, T_EOF}};
        for (int i = 0; ops[i].s; i++) {
            size_t l = strlen(ops[i].s);
            if ((size_t)(e - p) >= l && memcmp(p, ops[i].s, l) == 0) {
                t->t = ops[i].t;
                t->len = l;
                advance(ps, l);
                if (t->t == T_IND_OPEN) {
                    /* '' followed by spaces and a newline: skipped (Nix's IND_STRING_OPEN). */
                    const char *q = ps->lp.p;
                    while (q < e && *q == ' ')
                        q++;
                    if (q < e && *q == '\n') advance(ps, (size_t)(q + 1 - ps->lp.p));
                }
                return;
            }
        }
        if (best == 0) {
            t->t = *p == '"' ? T_DQUOTE : T_CHAR;
            t->c = *p;
            t->len = 1;
            advance(ps, 1);
            return;
        }
    }
    t->t = bt;
    t->len = best;
    advance(ps, best);
    switch (bt) {
    case T_ID:
        for (int i = 0; keywords[i].kw; i++)
            if (strlen(keywords[i].kw) == best && memcmp(keywords[i].kw, p, best) == 0)
                t->t = keywords[i].t;
        break;
    case T_INT: {
        errno = 0;
        char buf[64];
        if (best >= sizeof buf) goto toobig;
        memcpy(buf, p, best);
        buf[best] = 0;
        char *endp;
        unsigned long long u = strtoull(buf, &endp, 10);
        if (errno || u > INT64_MAX) {
        toobig:
            syntax_error_at(ps, t->line, t->col, gc_printf("invalid integer '%.*s'", (int)best, p));
        }
        t->i = (int64_t)u;
        break;
    }
    case T_FLOAT: {
        char *buf = gc_strndup(p, best);
        t->f = strtod(buf, NULL);
        break;
    }
    case T_PATH:
    case T_HPATH:
        if (ps->lp.p + 1 < e && ps->lp.p[0] == '$' && ps->lp.p[1] == '{') {
            t->path_interp = true;
        } else if (p[best - 1] == '/') {
            syntax_error_at(ps, t->line, t->col, "path has a trailing slash");
        }
        break;
    default: break;
    }
}

static struct token *peek(struct parser *ps) {
    if (!ps->have_tok) {
        lex(ps, &ps->tok);
        ps->have_tok = true;
    }
    return &ps->tok;
}
static struct token next(struct parser *ps) {
    peek(ps);
    ps->have_tok = false;
    ps->last = ps->tok;
    return ps->tok;
}
static bool is_char(struct token *t, char c) {
    return t->t == T_CHAR && t->c == c;
}
static void expect_char(struct parser *ps, char c) {
    struct token *t = peek(ps);
    if (!is_char(t, c)) {
        char exp[8];
        snprintf(exp, sizeof exp, "'%c'", c);
        unexpected(ps, t, exp);
    }
    next(ps);
}
static void expect(struct parser *ps, enum tok k, const char *what) {
    struct token *t = peek(ps);
    if (t->t != k) unexpected(ps, t, what);
    next(ps);
}

/* Saving and restoring the lexer for lookahead (only outside strings). */
struct lexsave {
    struct lexpos lp;
    struct token tok;
    bool have_tok;
    struct token last;
};
static void lex_save(struct parser *ps, struct lexsave *s) {
    s->lp = ps->lp;
    s->tok = ps->tok;
    s->have_tok = ps->have_tok;
    s->last = ps->last;
}
static void lex_restore(struct parser *ps, const struct lexsave *s) {
    ps->lp = s->lp;
    ps->tok = s->tok;
    ps->have_tok = s->have_tok;
    ps->last = s->last;
}

/* ---------------------------------------------------------------- node helpers */

static void *node(size_t size, enum expr_type type, nix_pos pos) {
    struct expr *e = GC_MALLOC(size);
    e->type = (uint8_t)type;
    e->pos = pos;
    return e;
}

static struct expr *mk_const_string(struct parser *ps, const char *s, nix_pos pos) {
    (void)ps;
    struct expr_const *c = node(sizeof *c, E_CONST, pos);
    mk_string(&c->v, s, NULL);
    return &c->e;
}

static nix_sym sym(struct parser *ps, const char *s, size_t n) {
    return sym_intern(ps->st->symbols, s, n);
}

/* ---------------------------------------------------------------- scopes and variables */

static struct expr *resolve_var(struct parser *ps, nix_sym name, nix_pos pos) {
    struct expr_var *v = node(sizeof *v, E_VAR, pos);
    v->name = name;
    uint32_t level = 0;
    bool seen_with = false;
    uint32_t with_level = 0;
    for (struct scope *s = ps->scope; s; s = s->up, level++) {
        if (s->is_with) {
            if (!seen_with) {
                seen_with = true;
                with_level = level;
            }
            continue;
        }
        for (size_t i = 0; i < s->n; i++) {
            if (s->names[i] == name) {
                v->level = level;
                v->index = (uint32_t)i;
                return &v->e;
            }
        }
    }
    if (!seen_with && !ps->scanning)
        eval_error(ps->st, ERR_PARSE, pos, "undefined variable '%s'",
                   sym_name(ps->st->symbols, name));
    v->from_with = true;
    v->level = with_level;
    return &v->e;
}

static struct scope *push_scope(struct parser *ps, size_t n, nix_sym *names) {
    struct scope *s = GC_MALLOC(sizeof *s);
    s->up = ps->scope;
    s->n = n;
    s->names = names;
    ps->scope = s;
    return s;
}

static struct scope *push_with_scope(struct parser *ps) {
    struct scope *s = GC_MALLOC(sizeof *s);
    s->up = ps->scope;
    s->is_with = true;
    uint32_t hops = 1;
    for (struct scope *o = ps->scope; o; o = o->up, hops++) {
        if (o->is_with) {
            s->prev_with = hops;
            break;
        }
    }
    ps->scope = s;
    return s;
}

/* ---------------------------------------------------------------- expressions */

static struct expr *parse_expr(struct parser *ps);
static struct expr *parse_select(struct parser *ps);
static struct expr *parse_simple(struct parser *ps);

/* A concat of parts or a single constant string. */
struct parts {
    struct expr **e;
    nix_pos *pos;
    size_t n, cap;
};
static void parts_add(struct parts *p, struct expr *e, nix_pos pos) {
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 4;
        struct expr **ne = GC_MALLOC(p->cap * sizeof *ne);
        nix_pos *np = GC_MALLOC_ATOMIC(p->cap * sizeof *np);
        if (p->n) {
            memcpy(ne, p->e, p->n * sizeof *ne);
            memcpy(np, p->pos, p->n * sizeof *np);
        }
        p->e = ne;
        p->pos = np;
    }
    p->e[p->n] = e;
    p->pos[p->n] = pos;
    p->n++;
}

static struct expr *parts_to_expr(struct parser *ps, struct parts *p, nix_pos pos,
                                  bool force_string) {
    if (p->n == 0) return mk_const_string(ps, "", pos);
    if (p->n == 1 && p->e[0]->type == E_CONST &&
        ((struct expr_const *)p->e[0])->v.type == VT_STRING)
        return p->e[0];
    struct expr_concat *c = node(sizeof *c, E_CONCAT_STRINGS, pos);
    c->force_string = force_string;
    c->n = p->n;
    c->parts = p->e;
    c->part_pos = p->pos;
    return &c->e;
}

/* Interpolation after `${` was consumed: expr then `}`; lexer continues right after `}`. */
static struct expr *parse_interp(struct parser *ps) {
    struct expr *e = parse_expr(ps);
    struct token *t = peek(ps);
    if (!is_char(t, '}')) unexpected(ps, t, "'}'");
    next(ps);
    return e;
}

/* Body of "..." after the opening quote. */
static struct expr *parse_dq_string(struct parser *ps, uint32_t line, uint32_t col) {
    struct parts parts = {0};
    struct strbuf sb;
    sb_init(&sb, 16);
    nix_pos spos = mkpos(ps, line, col);
    nix_pos litpos = 0;
    for (;;) {
        int c = cur(ps);
        if (c == -1) {
            ps->last.line = line;
            ps->last.col = col + 1;
            struct token t = {.t = T_EOF};
            unexpected(ps, &t, "'\"'");
        }
        if (c == '"') {
            advance(ps, 1);
            break;
        }
        if (c == '\\') {
            if (sb.len == 0) litpos = mkpos(ps, ps->lp.line, ps->lp.col);
            int d = at(ps, 1);
            if (d == -1) {
                advance(ps, 1);
                continue;
            }
            advance(ps, 2);
            sb_addc(&sb, d == 'n' ? '\n' : d == 't' ? '\t' : d == 'r' ? '\r' : (char)d);
            continue;
        }
        if (c == '$' && at(ps, 1) == '{') {
            if (sb.len) {
                parts_add(&parts, mk_const_string(ps, sb_str(&sb), litpos), litpos);
                sb_init(&sb, 16);
            }
            nix_pos ip = mkpos(ps, ps->lp.line, ps->lp.col);
            advance(ps, 2);
            parts_add(&parts, parse_interp(ps), ip);
            continue;
        }
        if (sb.len == 0) litpos = mkpos(ps, ps->lp.line, ps->lp.col);
        if (c == '$' && at(ps, 1) == '$') {
            sb_addn(&sb, "$$", 2);
            advance(ps, 2);
            continue;
        }
        sb_addc(&sb, (char)c);
        advance(ps, 1);
    }
    if (sb.len) parts_add(&parts, mk_const_string(ps, sb_str(&sb), litpos), litpos);
    return parts_to_expr(ps, &parts, spos, true);
}

/* An indented string part before stripping: literal text or an interpolation. */
struct ind_part {
    bool lit;
    struct strbuf sb;
    struct expr *e;
    nix_pos pos;
};

struct ind_parts {
    struct ind_part *ip;
    size_t n, cap;
};

static struct ind_part *ind_new(struct parser *ps, struct ind_parts *p, bool lit) {
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 8;
        struct ind_part *np = GC_MALLOC(p->cap * sizeof *np);
        if (p->n) memcpy(np, p->ip, p->n * sizeof *np);
        p->ip = np;
    }
    struct ind_part *x = &p->ip[p->n++];
    memset(x, 0, sizeof *x);
    x->lit = lit;
    x->pos = mkpos(ps, ps->lp.line, ps->lp.col);
    if (lit) sb_init(&x->sb, 16);
    return x;
}

static struct strbuf *ind_lit(struct parser *ps, struct ind_parts *p) {
    if (p->n && p->ip[p->n - 1].lit) return &p->ip[p->n - 1].sb;
    return &ind_new(ps, p, true)->sb;
}

static struct expr *parse_ind_string(struct parser *ps, uint32_t line, uint32_t col) {
    nix_pos spos = mkpos(ps, line, col);
    struct ind_parts P = {0};
#define LIT() ind_lit(ps, &P)
    for (;;) {
        int c = cur(ps);
        if (c == -1) {
            struct token t = {.t = T_EOF};
            ps->last.line = line;
            ps->last.col = col;
            unexpected(ps, &t, "IND_STRING_CLOSE");
        }
        if (c == '\'' && at(ps, 1) == '\'') {
            int d = at(ps, 2);
            if (d == '$') {
                sb_addc(LIT(), '$');
                advance(ps, 3);
                continue;
            }
            if (d == '\'') {
                sb_addn(LIT(), "''", 2);
                advance(ps, 3);
                continue;
            }
            if (d == '\\' && at(ps, 3) != -1) {
                int x = at(ps, 3);
                /* An escape is its own literal part; it still takes part in stripping. */
                struct strbuf *b = LIT();
                sb_addc(b, x == 'n' ? '\n' : x == 't' ? '\t' : x == 'r' ? '\r' : (char)x);
                advance(ps, 4);
                continue;
            }
            advance(ps, 2);
            break;
        }
        if (c == '$' && at(ps, 1) == '{') {
            struct ind_part *x = ind_new(ps, &P, false);
            advance(ps, 2);
            x->e = parse_interp(ps);
            continue;
        }
        if (c == '$' && at(ps, 1) == '$') {
            sb_addn(LIT(), "$$", 2);
            advance(ps, 2);
            continue;
        }
        sb_addc(LIT(), (char)c);
        advance(ps, 1);
    }
#undef LIT
    struct ind_part *ip = P.ip;
    size_t n = P.n;
    /* Indentation stripping, as Nix does it: the smallest indentation of any line that has
     * non-space content (an interpolation counts as content) is removed from every line. */
    size_t min_indent = SIZE_MAX, cur_indent = 0;
    bool sol = true;
    for (size_t k = 0; k < n; k++) {
        if (!ip[k].lit) {
            if (sol) {
                sol = false;
                if (cur_indent < min_indent) min_indent = cur_indent;
            }
            continue;
        }
        for (size_t j = 0; j < ip[k].sb.len; j++) {
            char ch = ip[k].sb.s[j];
            if (sol) {
                if (ch == ' ')
                    cur_indent++;
                else if (ch == '\n')
                    cur_indent = 0;
                else {
                    sol = false;
                    if (cur_indent < min_indent) min_indent = cur_indent;
                }
            } else if (ch == '\n') {
                sol = true;
                cur_indent = 0;
            }
        }
    }
    if (min_indent == SIZE_MAX) min_indent = cur_indent;
    struct parts parts = {0};
    sol = true;
    size_t dropped = 0;
    for (size_t k = 0; k < n; k++) {
        if (!ip[k].lit) {
            sol = false;
            dropped = 0;
            parts_add(&parts, ip[k].e, ip[k].pos);
            continue;
        }
        struct strbuf out;
        sb_init(&out, ip[k].sb.len + 1);
        for (size_t j = 0; j < ip[k].sb.len; j++) {
            char ch = ip[k].sb.s[j];
            if (sol) {
                if (ch == ' ') {
                    if (dropped++ >= min_indent) sb_addc(&out, ch);
                } else if (ch == '\n') {
                    dropped = 0;
                    sb_addc(&out, ch);
                } else {
                    sol = false;
                    dropped = 0;
                    sb_addc(&out, ch);
                }
            } else {
                sb_addc(&out, ch);
                if (ch == '\n') sol = true;
            }
        }
        if (k == n - 1) {
            /* A last line of only spaces is dropped. */
            const char *s = sb_str(&out);
            const char *nl = strrchr(s, '\n');
            if (nl) {
                const char *q = nl + 1;
                while (*q == ' ')
                    q++;
                if (*q == 0) out.len = (size_t)(nl + 1 - s);
            }
        }
        if (out.len) parts_add(&parts, mk_const_string(ps, sb_str(&out), ip[k].pos), ip[k].pos);
    }
    return parts_to_expr(ps, &parts, spos, true);
}

static struct expr *mk_path_const(struct parser *ps, const char *abs, nix_pos pos) {
    (void)ps;
    struct expr_const *c = node(sizeof *c, E_CONST, pos);
    mk_path(&c->v, path_canon(abs));
    return &c->e;
}

static const char *home_dir(void) {
    const char *h = getenv("HOME");
    return h ? h : "";
}

/* A path token (already consumed): relative paths resolve against the source's directory. */
static struct expr *parse_path(struct parser *ps, struct token t) {
    nix_pos pos = mkpos(ps, t.line, t.col);
    const char *text = gc_strndup(t.start, t.len);
    const char *abs;
    if (t.t == T_HPATH)
        abs = gc_printf("%s%s", home_dir(), text + 1);
    else if (text[0] == '/')
        abs = text;
    else
        abs = gc_printf("%s/%s", ps->src->dir, text);
    if (!t.path_interp) return mk_path_const(ps, abs, pos);
    /* ./a/${x}/b: a concatenation whose first part is a path. The prefix keeps its trailing
     * slash (canonicalisation would drop it). */
    struct parts parts = {0};
    struct expr_const *c = node(sizeof *c, E_CONST, pos);
    size_t al = strlen(abs);
    char *canon = path_canon(abs);
    if (al && abs[al - 1] == '/' && strcmp(canon, "/") != 0) canon = gc_printf("%s/", canon);
    mk_path(&c->v, canon);
    parts_add(&parts, &c->e, pos);
    struct strbuf sb;
    sb_init(&sb, 16);
    nix_pos litpos = 0;
    for (;;) {
        if (cur(ps) == '$' && at(ps, 1) == '{') {
            if (sb.len) {
                parts_add(&parts, mk_const_string(ps, sb_str(&sb), litpos), litpos);
                sb_init(&sb, 16);
            }
            nix_pos ip = mkpos(ps, ps->lp.line, ps->lp.col);
            advance(ps, 2);
            parts_add(&parts, parse_interp(ps), ip);
            continue;
        }
        int c2 = cur(ps);
        if (is_path_char(c2) || (c2 == '/' && (is_path_char(at(ps, 1)) || at(ps, 1) == '$'))) {
            if (sb.len == 0) litpos = mkpos(ps, ps->lp.line, ps->lp.col);
            sb_addc(&sb, (char)c2);
            advance(ps, 1);
            continue;
        }
        if (c2 == '/') syntax_error_at(ps, t.line, t.col, "path has a trailing slash");
        break;
    }
    if (sb.len) parts_add(&parts, mk_const_string(ps, sb_str(&sb), litpos), litpos);
    struct expr_concat *cc = node(sizeof *cc, E_CONCAT_STRINGS, pos);
    cc->n = parts.n;
    cc->parts = parts.e;
    cc->part_pos = parts.pos;
    return &cc->e;
}

/* ---------------------------------------------------------------- attribute sets */

static struct attr_name parse_attr_name(struct parser *ps, bool *is_dyn_string) {
    struct attr_name an = {0};
    struct token t = next(ps);
    if (is_dyn_string) *is_dyn_string = false;
    if (t.t == T_ID || t.t == T_OR_KW) {
        an.sym = sym(ps, t.start, t.len);
    } else if (t.t == T_DQUOTE) {
        struct expr *e = parse_dq_string(ps, t.line, t.col);
        if (e->type == E_CONST) {
            an.sym = sym(ps, ((struct expr_const *)e)->v.str.s,
                         strlen(((struct expr_const *)e)->v.str.s));
        } else {
            an.dyn = e;
            if (is_dyn_string) *is_dyn_string = true;
        }
    } else if (t.t == T_DOLLAR_CURLY) {
        an.dyn = parse_interp(ps);
    } else {
        unexpected(ps, &t, NULL);
    }
    return an;
}

static struct expr_attrs *new_attrs(nix_pos pos) {
    struct expr_attrs *a = node(sizeof *a, E_ATTRS, pos);
    return a;
}

static struct attr_def *find_attr(struct expr_attrs *a, nix_sym name) {
    for (size_t i = 0; i < a->n; i++)
        if (a->attrs[i].name == name) return &a->attrs[i];
    return NULL;
}

static void add_attr(struct expr_attrs *a, nix_sym name, uint8_t kind, nix_pos pos,
                     struct expr *e) {
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 4;
        struct attr_def *na = GC_MALLOC(a->cap * sizeof *na);
        if (a->n) memcpy(na, a->attrs, a->n * sizeof *na);
        a->attrs = na;
    }
    a->attrs[a->n++] = (struct attr_def){name, kind, pos, e};
}

static void add_dyn(struct expr_attrs *a, struct expr *name, struct expr *value, nix_pos pos) {
    if (a->ndyn == a->capdyn) {
        a->capdyn = a->capdyn ? a->capdyn * 2 : 4;
        struct dyn_attr_def *nd = GC_MALLOC(a->capdyn * sizeof *nd);
        if (a->ndyn) memcpy(nd, a->dyn, a->ndyn * sizeof *nd);
        a->dyn = nd;
    }
    a->dyn[a->ndyn++] = (struct dyn_attr_def){name, value, pos};
}

static const char *pos_str(struct parser *ps, nix_pos pos) {
    const struct pos_info *pi = eval_pos_get(ps->st, pos);
    if (!pi || !pi->src) return "undefined position";
    return gc_printf("%s:%u:%u", pi->src->path ? pi->src->path : "(string)", pi->line, pi->col);
}

static const char *path_str(struct parser *ps, struct attr_name *path, size_t n) {
    struct strbuf sb;
    sb_init(&sb, 32);
    for (size_t i = 0; i < n; i++) {
        if (i) sb_addc(&sb, '.');
        if (path[i].dyn)
            sb_adds(&sb, "\"${...}\"");
        else
            sb_adds(&sb, sym_name(ps->st->symbols, path[i].sym));
    }
    return sb_str(&sb);
}

__attribute__((noreturn)) static void dup_attr(struct parser *ps, const char *name, nix_pos pos,
                                               nix_pos prev) {
    eval_error(ps->st, ERR_PARSE, pos, "attribute '%s' already defined at %s", name,
               pos_str(ps, prev));
}

/* Adds `path = e` into `top`, creating nested sets for dotted paths and merging with sets
 * already written as literals. */
static void add_binding(struct parser *ps, struct expr_attrs *top, struct attr_name *path, size_t n,
                        struct expr *e, nix_pos pos) {
    struct expr_attrs *a = top;
    for (size_t i = 0; i + 1 < n; i++) {
        if (path[i].dyn) {
            struct expr_attrs *na = new_attrs(pos);
            add_dyn(a, path[i].dyn, &na->e, pos);
            a = na;
            continue;
        }
        struct attr_def *d = find_attr(a, path[i].sym);
        if (d) {
            if (d->kind == AK_INHERITED || d->e->type != E_ATTRS)
                dup_attr(ps, path_str(ps, path, i + 1), pos, d->pos);
            a = (struct expr_attrs *)d->e;
        } else {
            struct expr_attrs *na = new_attrs(pos);
            add_attr(a, path[i].sym, AK_PLAIN, pos, &na->e);
            a = na;
        }
    }
    struct attr_name *last = &path[n - 1];
    if (last->dyn) {
        add_dyn(a, last->dyn, e, pos);
        return;
    }
    struct attr_def *d = find_attr(a, last->sym);
    if (d) {
        /* Two literal sets for the same name merge (current Nix); anything else is a
         * duplicate. */
        if (d->kind != AK_INHERITED && d->e->type == E_ATTRS && e->type == E_ATTRS &&
            !((struct expr_attrs *)e)->rec && !((struct expr_attrs *)d->e)->rec) {
            struct expr_attrs *dst = (struct expr_attrs *)d->e, *srca = (struct expr_attrs *)e;
            for (size_t k = 0; k < srca->n; k++) {
                struct attr_def *x = &srca->attrs[k];
                if (find_attr(dst, x->name))
                    dup_attr(ps,
                             gc_printf("%s.%s", path_str(ps, path, n),
                                       sym_name(ps->st->symbols, x->name)),
                             x->pos, find_attr(dst, x->name)->pos);
                add_attr(dst, x->name, x->kind, x->pos, x->e);
            }
            for (size_t k = 0; k < srca->ndyn; k++)
                add_dyn(dst, srca->dyn[k].name, srca->dyn[k].value, srca->dyn[k].pos);
            return;
        }
        dup_attr(ps, path_str(ps, path, n), pos, d->pos);
    }
    add_attr(a, last->sym, AK_PLAIN, pos, e);
}

static int cmp_attr_def(const void *x, const void *y) {
    const struct attr_def *a = x, *b = y;
    return a->name < b->name ? -1 : a->name > b->name;
}

/* Sort static attributes by symbol id, recursively into nested literal sets built by
 * dotted paths. */
static void finish_attrs(struct expr_attrs *a) {
    qsort(a->attrs, a->n, sizeof *a->attrs, cmp_attr_def);
}

/* Parses bindings up to `terminator` ('}' or T_IN). In let/rec, the scope is pushed by the
 * caller after parsing, so names are collected first: values are parsed in a second step? No:
 * Nix resolves variables after parsing. We parse the bindings with a placeholder scope that the
 * caller fills in afterwards (the names array is updated in place). */
struct pending_scope {
    struct scope *sc;
};

static void parse_binds(struct parser *ps, struct expr_attrs *a, bool allow_dyn,
                        struct scope *outer_for_inherit) {
    for (;;) {
        struct token *t = peek(ps);
        if (is_char(t, '}') || t->t == T_IN || t->t == T_EOF) return;
        if (t->t == T_INHERIT) {
            struct token it = next(ps);
            struct expr *from = NULL;
            if (is_char(peek(ps), '(')) {
                next(ps);
                struct scope *saved = ps->scope;
                ps->scope = outer_for_inherit;
                from = parse_expr(ps);
                ps->scope = saved;
                expect_char(ps, ')');
            }
            for (;;) {
                struct token *nt = peek(ps);
                if (is_char(nt, ';')) {
                    next(ps);
                    break;
                }
                struct token at2 = *nt;
                if (nt->t != T_ID && nt->t != T_OR_KW && nt->t != T_DQUOTE &&
                    nt->t != T_DOLLAR_CURLY)
                    unexpected(ps, nt, NULL);
                bool dynstr = false;
                struct attr_name an = parse_attr_name(ps, &dynstr);
                nix_pos ap = mkpos(ps, at2.line, at2.col);
                if (an.dyn)
                    syntax_error_at(ps, at2.line, at2.col,
                                    "dynamic attributes not allowed in inherit");
                struct expr *val;
                if (from) {
                    struct expr_select *s = node(sizeof *s, E_SELECT, ap);
                    s->subject = from;
                    s->n = 1;
                    s->path = GC_MALLOC(sizeof *s->path);
                    s->path[0] = an;
                    val = &s->e;
                } else {
                    struct scope *saved = ps->scope;
                    ps->scope = outer_for_inherit;
                    val = resolve_var(ps, an.sym, ap);
                    ps->scope = saved;
                }
                struct attr_def *d = find_attr(a, an.sym);
                if (d) dup_attr(ps, sym_name(ps->st->symbols, an.sym), ap, d->pos);
                add_attr(a, an.sym, AK_INHERITED, ap, val);
            }
            (void)it;
            continue;
        }
        /* attrpath = expr ; */
        nix_pos pos = mkpos(ps, t->line, t->col);
        struct attr_name *path = NULL;
        size_t n = 0, cap = 0;
        for (;;) {
            struct token *nt = peek(ps);
            if (nt->t != T_ID && nt->t != T_OR_KW && nt->t != T_DQUOTE && nt->t != T_DOLLAR_CURLY)
                unexpected(ps, nt, NULL);
            struct token st0 = *nt;
            struct attr_name an = parse_attr_name(ps, NULL);
            if (an.dyn && !allow_dyn)
                syntax_error_at(ps, st0.line, st0.col, "dynamic attributes not allowed in let");
            if (n == cap) {
                cap = cap ? cap * 2 : 4;
                struct attr_name *np = GC_MALLOC(cap * sizeof *np);
                if (n) memcpy(np, path, n * sizeof *np);
                path = np;
            }
            path[n++] = an;
            struct token *dt = peek(ps);
            if (is_char(dt, '.')) {
                next(ps);
                continue;
            }
            if (is_char(dt, '=')) {
                next(ps);
                break;
            }
            unexpected(ps, dt, "'.' or '='");
        }
        struct expr *e = parse_expr(ps);
        if (e->type == E_LAMBDA && !path[n - 1].dyn)
            ((struct expr_lambda *)e)->name = path[n - 1].sym;
        expect_char(ps, ';');
        add_binding(ps, a, path, n, e, pos);
    }
}

/* Parses a binding block whose names form a recursive scope (let, rec). Variables in the values
 * must see the names, so names are gathered by a pre-scan: we parse once with a scope that
 * holds the names found by a quick first pass over the binding heads. */
static void prescan_names(struct parser *ps, nix_sym **names, size_t *n) {
    struct lexsave save;
    lex_save(ps, &save);
    if (ps->have_tok) {
        /* rescan from the lookahead token */
        ps->lp.p = ps->tok.start;
        ps->lp.line = ps->tok.line;
        ps->lp.col = ps->tok.col;
        ps->have_tok = false;
    }
    ps->scanning++;
    size_t cap = 8;
    *names = GC_MALLOC_ATOMIC(cap * sizeof **names);
    *n = 0;
    int depth = 0;
    bool at_head = true;
    bool in_inherit = false, inherit_from = false;
    int pdepth = 0;
    /* Walk tokens: at brace depth 0, a binding head starts after '{'/';'. The first attr name
     * of each head (ID, or a constant string) is a name of this scope; inherited names too. */
    for (;;) {
        struct token t;
        lex(ps, &t);
        if (t.t == T_EOF) break;
        if (t.t == T_DQUOTE || t.t == T_IND_OPEN) {
            /* Skip the string body (handles nesting) by parsing it; errors are reported
             * again in the real pass. */
            struct expr *e = t.t == T_DQUOTE ? parse_dq_string(ps, t.line, t.col)
                                             : parse_ind_string(ps, t.line, t.col);
            if (depth == 0 && (at_head || (in_inherit && !inherit_from)) && e->type == E_CONST) {
                const char *s = ((struct expr_const *)e)->v.str.s;
                if (*n == cap) {
                    cap *= 2;
                    nix_sym *nn = GC_MALLOC_ATOMIC(cap * sizeof *nn);
                    memcpy(nn, *names, *n * sizeof *nn);
                    *names = nn;
                }
                (*names)[(*n)++] = sym(ps, s, strlen(s));
            }
            at_head = false;
            continue;
        }
        if ((t.t == T_PATH || t.t == T_HPATH) && t.path_interp) {
            /* skip ${...} inside a path: handled as braces below */
        }
        if (t.t == T_DOLLAR_CURLY || is_char(&t, '{') || is_char(&t, '(') || is_char(&t, '[')) {
            if (depth == 0 && in_inherit && is_char(&t, '(')) inherit_from = true, pdepth = 1;
            depth++;
            at_head = false;
            continue;
        }
        if (is_char(&t, '}') || is_char(&t, ')') || is_char(&t, ']')) {
            if (depth == 0) break;
            depth--;
            if (depth == 0 && in_inherit && inherit_from && pdepth) {
                inherit_from = false;
                pdepth = 0;
            }
            continue;
        }
        if (t.t == T_LET) {
            struct lexpos save2 = ps->lp;
            struct token t2;
            lex(ps, &t2);
            ps->lp = save2;
            if (!is_char(&t2, '{')) depth++; /* matched by its `in` */
            at_head = false;
            continue;
        }
        if (t.t == T_IN) {
            if (depth == 0) break;
            depth--;
            continue;
        }
        if (depth > 0) continue;
        if (is_char(&t, ';')) {
            at_head = true;
            in_inherit = false;
            inherit_from = false;
            continue;
        }
        if (t.t == T_INHERIT && at_head) {
            in_inherit = true;
            at_head = false;
            continue;
        }
        if ((t.t == T_ID || t.t == T_OR_KW) && (at_head || (in_inherit && !inherit_from))) {
            if (*n == cap) {
                cap *= 2;
                nix_sym *nn = GC_MALLOC_ATOMIC(cap * sizeof *nn);
                memcpy(nn, *names, *n * sizeof *nn);
                *names = nn;
            }
            (*names)[(*n)++] = sym(ps, t.start, t.len);
        }
        at_head = false;
    }
    ps->scanning--;
    lex_restore(ps, &save);
    /* Sort and dedupe (duplicates are reported by the real pass). */
    for (size_t i = 1; i < *n; i++) {
        nix_sym x = (*names)[i];
        size_t j = i;
        while (j > 0 && (*names)[j - 1] > x) {
            (*names)[j] = (*names)[j - 1];
            j--;
        }
        (*names)[j] = x;
    }
    size_t m = 0;
    for (size_t i = 0; i < *n; i++)
        if (m == 0 || (*names)[m - 1] != (*names)[i]) (*names)[m++] = (*names)[i];
    *n = m;
}

/* let/rec: parse with the prescanned names as the scope; the final attribute list must have
 * exactly those names in that (sorted) order so that slot i is attrs[i]. */
static struct expr_attrs *parse_rec_binds(struct parser *ps, nix_pos pos, bool allow_dyn) {
    nix_sym *names;
    size_t n;
    prescan_names(ps, &names, &n);
    struct scope *outer = ps->scope;
    push_scope(ps, n, names);
    struct expr_attrs *a = new_attrs(pos);
    a->rec = true;
    parse_binds(ps, a, allow_dyn, outer);
    finish_attrs(a);
    /* If the prescan found a name that is not bound (it cannot, unless the source is odd), or
     * missed one, fall back: rebuild so slot order matches names. */
    bool same = a->n == n;
    for (size_t i = 0; same && i < n; i++)
        same = a->attrs[i].name == names[i];
    if (!same) eval_error(ps->st, ERR_PARSE, pos, "internal error: binding scan mismatch");
    ps->scope = outer;
    return a;
}

static struct expr *parse_attrs_body(struct parser *ps, nix_pos pos, bool rec) {
    /* after '{' */
    struct expr_attrs *a;
    if (rec) {
        a = parse_rec_binds(ps, pos, true);
    } else {
        a = new_attrs(pos);
        parse_binds(ps, a, true, ps->scope);
        finish_attrs(a);
    }
    expect_char(ps, '}');
    return &a->e;
}

/* ---------------------------------------------------------------- primary expressions */

static bool starts_simple(struct parser *ps) {
    struct token *t = peek(ps);
    switch (t->t) {
    case T_ID:
    case T_INT:
    case T_FLOAT:
    case T_DQUOTE:
    case T_IND_OPEN:
    case T_PATH:
    case T_HPATH:
    case T_SPATH:
    case T_URI:
    case T_REC: return true;
    case T_LET: {
        struct lexsave s;
        lex_save(ps, &s);
        next(ps);
        bool brace = is_char(peek(ps), '{');
        lex_restore(ps, &s);
        return brace;
    }
    case T_CHAR: return t->c == '(' || t->c == '{' || t->c == '[';
    default: return false;
    }
}

static struct expr *mk_select_of(struct parser *ps, struct expr *subject, nix_sym s, nix_pos pos) {
    (void)ps;
    struct expr_select *sel = node(sizeof *sel, E_SELECT, pos);
    sel->subject = subject;
    sel->n = 1;
    sel->path = GC_MALLOC(sizeof *sel->path);
    sel->path[0].sym = s;
    return &sel->e;
}

static struct expr *parse_simple(struct parser *ps) {
    struct token t = next(ps);
    nix_pos pos = mkpos(ps, t.line, t.col);
    switch (t.t) {
    case T_ID: {
        if (t.len == 8 && memcmp(t.start, "__curPos", 8) == 0) {
            struct expr *e = node(sizeof(struct expr), E_CURPOS, pos);
            return e;
        }
        return resolve_var(ps, sym(ps, t.start, t.len), pos);
    }
    case T_INT: {
        struct expr_const *c = node(sizeof *c, E_CONST, pos);
        mk_int(&c->v, t.i);
        return &c->e;
    }
    case T_FLOAT: {
        struct expr_const *c = node(sizeof *c, E_CONST, pos);
        mk_float(&c->v, t.f);
        return &c->e;
    }
    case T_DQUOTE: return parse_dq_string(ps, t.line, t.col);
    case T_IND_OPEN: return parse_ind_string(ps, t.line, t.col);
    case T_PATH:
    case T_HPATH: return parse_path(ps, t);
    case T_SPATH: {
        /* <name> is __findFile __nixPath "name" */
        struct expr_call *c = node(sizeof *c, E_CALL, pos);
        c->fn = resolve_var(ps, sym(ps, "__findFile", 10), pos);
        c->nargs = 2;
        c->args = GC_MALLOC(2 * sizeof *c->args);
        c->args[0] = resolve_var(ps, sym(ps, "__nixPath", 9), pos);
        c->args[1] = mk_const_string(ps, gc_strndup(t.start + 1, t.len - 2), pos);
        return &c->e;
    }
    case T_URI: return mk_const_string(ps, gc_strndup(t.start, t.len), pos);
    case T_CHAR:
        if (t.c == '(') {
            struct expr *e = parse_expr(ps);
            expect_char(ps, ')');
            return e;
        }
        if (t.c == '{') return parse_attrs_body(ps, pos, false);
        if (t.c == '[') {
            struct expr **items = NULL;
            size_t n = 0, cap = 0;
            while (!is_char(peek(ps), ']')) {
                if (!starts_simple(ps)) unexpected(ps, peek(ps), NULL);
                struct expr *e = parse_select(ps);
                if (n == cap) {
                    cap = cap ? cap * 2 : 4;
                    struct expr **ni = GC_MALLOC(cap * sizeof *ni);
                    if (n) memcpy(ni, items, n * sizeof *ni);
                    items = ni;
                }
                items[n++] = e;
            }
            next(ps);
            struct expr_list *l = node(sizeof *l, E_LIST, pos);
            l->n = n;
            l->items = items;
            return &l->e;
        }
        break;
    case T_REC: {
        expect_char(ps, '{');
        return parse_attrs_body(ps, pos, true);
    }
    case T_LET: {
        /* legacy let { ...; body = e; } = rec { ... }.body */
        expect_char(ps, '{');
        struct expr *a = parse_attrs_body(ps, pos, true);
        return mk_select_of(ps, a, ps->st->s_body, pos);
    }
    default: break;
    }
    unexpected(ps, &t, NULL);
}

static struct expr *parse_select(struct parser *ps) {
    struct expr *e = parse_simple(ps);
    if (!is_char(peek(ps), '.')) {
        /* `e or` without a dot: Nix parses `or` here as an application of the variable or. */
        return e;
    }
    nix_pos pos = e->pos;
    struct attr_name *path = NULL;
    size_t n = 0, cap = 0;
    while (is_char(peek(ps), '.')) {
        next(ps);
        struct token *nt = peek(ps);
        if (nt->t != T_ID && nt->t != T_OR_KW && nt->t != T_DQUOTE && nt->t != T_DOLLAR_CURLY)
            unexpected(ps, nt, NULL);
        struct attr_name an = parse_attr_name(ps, NULL);
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            struct attr_name *np = GC_MALLOC(cap * sizeof *np);
            if (n) memcpy(np, path, n * sizeof *np);
            path = np;
        }
        path[n++] = an;
    }
    struct expr_select *s = node(sizeof *s, E_SELECT, pos);
    s->subject = e;
    s->n = n;
    s->path = path;
    if (peek(ps)->t == T_OR_KW) {
        next(ps);
        s->def = parse_select(ps);
    }
    return &s->e;
}

static struct expr *parse_app(struct parser *ps) {
    struct expr *f = parse_select(ps);
    if (!starts_simple(ps)) return f;
    struct expr **args = NULL;
    size_t n = 0, cap = 0;
    while (starts_simple(ps)) {
        struct expr *a = parse_select(ps);
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            struct expr **na = GC_MALLOC(cap * sizeof *na);
            if (n) memcpy(na, args, n * sizeof *na);
            args = na;
        }
        args[n++] = a;
    }
    struct expr_call *c = node(sizeof *c, E_CALL, f->pos);
    c->fn = f;
    c->nargs = n;
    c->args = args;
    return &c->e;
}

/* Precedence levels (higher binds tighter). */
enum {
    P_IMPL = 1,
    P_OR,
    P_AND,
    P_EQ,
    P_CMP,
    P_UPDATE,
    P_NOT,
    P_ADD,
    P_MUL,
    P_CONCAT,
    P_HAS,
    P_NEG
};

static int binop_prec(const struct token *t, bool *right, bool *nonassoc) {
    *right = false;
    *nonassoc = false;
    switch (t->t) {
    case T_IMPL: *right = true; return P_IMPL;
    case T_OR: return P_OR;
    case T_AND: return P_AND;
    case T_EQ:
    case T_NEQ: *nonassoc = true; return P_EQ;
    case T_LEQ:
    case T_GEQ: *nonassoc = true; return P_CMP;
    case T_UPDATE: *right = true; return P_UPDATE;
    case T_CONCAT: *right = true; return P_CONCAT;
    case T_CHAR:
        switch (t->c) {
        case '<':
        case '>': *nonassoc = true; return P_CMP;
        case '+':
        case '-': return P_ADD;
        case '*':
        case '/': return P_MUL;
        case '?': *nonassoc = true; return P_HAS;
        }
        return 0;
    default: return 0;
    }
}

static struct expr *mk_binop(struct parser *ps, const struct token *op, struct expr *l,
                             struct expr *r, nix_pos pos) {
    (void)ps;
    enum expr_type ty;
    switch (op->t) {
    case T_IMPL: ty = E_IMPL; break;
    case T_OR: ty = E_OR; break;
    case T_AND: ty = E_AND; break;
    case T_EQ: ty = E_EQ; break;
    case T_NEQ: ty = E_NEQ; break;
    case T_LEQ: ty = E_LE; break;
    case T_GEQ: ty = E_GE; break;
    case T_UPDATE: ty = E_UPDATE; break;
    case T_CONCAT: ty = E_CONCAT_LISTS; break;
    default:
        switch (op->c) {
        case '<': ty = E_LT; break;
        case '>': ty = E_GT; break;
        case '-': ty = E_SUB; break;
        case '*': ty = E_MUL; break;
        case '/': ty = E_DIV; break;
        case '+': {
            struct expr_concat *c = node(sizeof *c, E_CONCAT_STRINGS, pos);
            c->n = 2;
            c->parts = GC_MALLOC(2 * sizeof *c->parts);
            c->part_pos = GC_MALLOC_ATOMIC(2 * sizeof *c->part_pos);
            c->parts[0] = l;
            c->parts[1] = r;
            c->part_pos[0] = l->pos;
            c->part_pos[1] = r->pos;
            return &c->e;
        }
        default: ty = E_EQ; break;
        }
    }
    struct expr_binop *b = node(sizeof *b, ty, pos);
    b->l = l;
    b->r = r;
    return &b->e;
}

static struct expr *parse_op(struct parser *ps, int min_prec);

static struct expr *parse_unary(struct parser *ps) {
    struct token *t = peek(ps);
    if (is_char(t, '!')) {
        struct token op = next(ps);
        struct expr *a = parse_op(ps, P_NOT + 1);
        struct expr_unop *u = node(sizeof *u, E_NOT, mkpos(ps, op.line, op.col));
        u->a = a;
        return &u->e;
    }
    if (is_char(t, '-')) {
        struct token op = next(ps);
        struct expr *a = parse_op(ps, P_NEG);
        struct expr_unop *u = node(sizeof *u, E_NEG, mkpos(ps, op.line, op.col));
        u->a = a;
        return &u->e;
    }
    return parse_app(ps);
}

static struct expr *parse_op(struct parser *ps, int min_prec) {
    struct expr *l = parse_unary(ps);
    int last_nonassoc = 0;
    for (;;) {
        struct token *t = peek(ps);
        bool right, nonassoc;
        int p = binop_prec(t, &right, &nonassoc);
        if (p == 0 || p < min_prec) return l;
        if (nonassoc && last_nonassoc == p) unexpected(ps, t, NULL);
        struct token op = next(ps);
        nix_pos pos = mkpos(ps, op.line, op.col);
        if (p == P_HAS) {
            struct attr_name *path = NULL;
            size_t n = 0, cap = 0;
            for (;;) {
                struct token *nt = peek(ps);
                if (nt->t != T_ID && nt->t != T_OR_KW && nt->t != T_DQUOTE &&
                    nt->t != T_DOLLAR_CURLY)
                    unexpected(ps, nt, NULL);
                struct attr_name an = parse_attr_name(ps, NULL);
                if (n == cap) {
                    cap = cap ? cap * 2 : 4;
                    struct attr_name *np = GC_MALLOC(cap * sizeof *np);
                    if (n) memcpy(np, path, n * sizeof *np);
                    path = np;
                }
                path[n++] = an;
                if (!is_char(peek(ps), '.')) break;
                next(ps);
            }
            struct expr_select *s = node(sizeof *s, E_HASATTR, pos);
            s->subject = l;
            s->n = n;
            s->path = path;
            l = &s->e;
            last_nonassoc = p;
            continue;
        }
        struct expr *r = parse_op(ps, right ? p : p + 1);
        /* Nix reports binary-operator errors at the operator... except it uses the left
         * operand's start in 2.8; we follow 2.8 for the call-like operators. */
        l = mk_binop(ps, &op, l, r, pos);
        last_nonassoc = nonassoc ? p : 0;
    }
}

static struct expr *parse_if(struct parser *ps) {
    struct token *t = peek(ps);
    if (t->t == T_IF) {
        struct token it = next(ps);
        struct expr_if *e = node(sizeof *e, E_IF, mkpos(ps, it.line, it.col));
        e->cond = parse_expr(ps);
        expect(ps, T_THEN, "THEN");
        e->then = parse_expr(ps);
        expect(ps, T_ELSE, "ELSE");
        e->els = parse_expr(ps);
        return &e->e;
    }
    return parse_op(ps, 1);
}

/* Is the `{` at the lookahead the start of a formals list? */
static bool looks_like_formals(struct parser *ps) {
    struct lexsave s;
    lex_save(ps, &s);
    next(ps); /* { */
    bool res = false;
    struct token a = next(ps);
    if (is_char(&a, '}')) {
        struct token b = next(ps);
        res = is_char(&b, ':') || is_char(&b, '@');
    } else if (a.t == T_ELLIPSIS) {
        res = true;
    } else if (a.t == T_ID) {
        struct token b = next(ps);
        res = is_char(&b, ',') || is_char(&b, '?') || is_char(&b, '}');
        if (is_char(&b, '}')) {
            struct token c = next(ps);
            res = is_char(&c, ':') || is_char(&c, '@');
        }
    }
    lex_restore(ps, &s);
    return res;
}

static int cmp_formal(const void *x, const void *y) {
    const struct formal *a = x, *b = y;
    return a->name < b->name ? -1 : a->name > b->name;
}

static struct expr *parse_lambda_rest(struct parser *ps, nix_pos pos, nix_sym arg, bool formals,
                                      struct formal *fs, size_t nf, bool ellipsis) {
    struct expr_lambda *l = node(sizeof *l, E_LAMBDA, pos);
    l->arg = arg;
    l->has_formals = formals;
    l->ellipsis = ellipsis;
    l->nformals = nf;
    l->formals = fs;
    size_t nslots = nf + (arg ? 1 : 0);
    nix_sym *names = GC_MALLOC_ATOMIC((nslots ? nslots : 1) * sizeof *names);
    for (size_t i = 0; i < nf; i++)
        names[i] = fs[i].name;
    if (arg) names[nf] = arg;
    l->env_size = (uint32_t)nslots;
    struct scope *outer = ps->scope;
    push_scope(ps, nslots, names);
    for (size_t i = 0; i < nf; i++)
        if (fs[i].def) {
            /* defaults were parsed before the scope existed: reparse is not possible, so
             * formals' defaults are parsed lazily below */
        }
    l->body = parse_expr(ps);
    ps->scope = outer;
    return &l->e;
}

/* Parses `{ a, b ? d, ... }` after the `{` has been consumed; defaults are parsed in the
 * lambda's scope, so the caller supplies the scope names first via a prescan. */
static struct expr *parse_formals_lambda(struct parser *ps, nix_pos pos, nix_sym at_before) {
    /* Pre-scan the formal names: needed because default values see all formals. */
    struct lexsave s;
    lex_save(ps, &s);
    ps->scanning++;
    size_t cap = 8, nf = 0;
    struct formal *fs = GC_MALLOC(cap * sizeof *fs);
    bool ellipsis = false;
    for (;;) {
        struct token t = next(ps);
        if (is_char(&t, '}')) break;
        if (t.t == T_ELLIPSIS) {
            ellipsis = true;
            struct token c = next(ps);
            if (!is_char(&c, '}')) unexpected(ps, &c, "'}'");
            break;
        }
        if (t.t != T_ID) unexpected(ps, &t, NULL);
        nix_sym name = sym(ps, t.start, t.len);
        for (size_t i = 0; i < nf; i++)
            if (fs[i].name == name)
                eval_error(ps->st, ERR_PARSE, mkpos(ps, t.line, t.col),
                           "duplicate formal function argument '%s'",
                           sym_name(ps->st->symbols, name));
        if (nf == cap) {
            cap *= 2;
            struct formal *nfs = GC_MALLOC(cap * sizeof *nfs);
            memcpy(nfs, fs, nf * sizeof *nfs);
            fs = nfs;
        }
        fs[nf].name = name;
        fs[nf].pos = mkpos(ps, t.line, t.col);
        fs[nf].def = NULL;
        nf++;
        struct token c = next(ps);
        if (is_char(&c, '?')) {
            /* skip the default expression: balanced tokens up to ',' or '}' at depth 0 */
            int depth = 0;
            for (;;) {
                struct token *x = peek(ps);
                if (x->t == T_EOF) unexpected(ps, x, NULL);
                if (depth == 0 && (is_char(x, ',') || is_char(x, '}'))) break;
                struct token y = next(ps);
                if (y.t == T_DQUOTE) {
                    parse_dq_string(ps, y.line, y.col);
                } else if (y.t == T_IND_OPEN) {
                    parse_ind_string(ps, y.line, y.col);
                } else if ((y.t == T_PATH || y.t == T_HPATH) && y.path_interp) {
                    parse_path(ps, y);
                } else if (is_char(&y, '{') || is_char(&y, '(') || is_char(&y, '[') ||
                           y.t == T_DOLLAR_CURLY) {
                    depth++;
                } else if (is_char(&y, '}') || is_char(&y, ')') || is_char(&y, ']')) {
                    depth--;
                }
            }
            c = next(ps);
        }
        if (is_char(&c, '}')) break;
        if (!is_char(&c, ',')) unexpected(ps, &c, "',' or '}'");
    }
    nix_sym at_after = 0;
    if (is_char(peek(ps), '@')) {
        next(ps);
        struct token a = next(ps);
        if (a.t != T_ID) unexpected(ps, &a, "ID");
        at_after = sym(ps, a.start, a.len);
        if (at_before) unexpected(ps, &a, NULL);
    }
    nix_sym arg = at_before ? at_before : at_after;
    for (size_t i = 0; i < nf; i++)
        if (arg && fs[i].name == arg)
            eval_error(ps->st, ERR_PARSE, fs[i].pos, "duplicate formal function argument '%s'",
                       sym_name(ps->st->symbols, arg));
    ps->scanning--;
    qsort(fs, nf, sizeof *fs, cmp_formal);
    /* Now parse for real, in the lambda's scope, to get the default expressions. */
    lex_restore(ps, &s);
    size_t nslots = nf + (arg ? 1 : 0);
    nix_sym *names = GC_MALLOC_ATOMIC((nslots ? nslots : 1) * sizeof *names);
    for (size_t i = 0; i < nf; i++)
        names[i] = fs[i].name;
    if (arg) names[nf] = arg;
    struct scope *outer = ps->scope;
    push_scope(ps, nslots, names);
    for (;;) {
        struct token t = next(ps);
        if (is_char(&t, '}')) break;
        if (t.t == T_ELLIPSIS) {
            next(ps);
            break;
        }
        nix_sym name = sym(ps, t.start, t.len);
        struct token c = next(ps);
        if (is_char(&c, '?')) {
            struct expr *d = parse_expr(ps);
            for (size_t i = 0; i < nf; i++)
                if (fs[i].name == name) fs[i].def = d;
            c = next(ps);
        }
        if (is_char(&c, '}')) break;
    }
    if (is_char(peek(ps), '@')) {
        next(ps);
        next(ps);
    }
    ps->scope = outer;
    expect_char(ps, ':');
    return parse_lambda_rest(ps, pos, arg, true, fs, nf, ellipsis);
}

static struct expr *parse_expr(struct parser *ps) {
    char probe;
    if ((uintptr_t)&probe < ps->st->stack_limit)
        eval_error(ps->st, ERR_STACK, 0, "stack overflow (possible infinite recursion)");
    struct token *t = peek(ps);
    nix_pos pos = mkpos(ps, t->line, t->col);
    switch (t->t) {
    case T_ID: {
        struct lexsave s;
        lex_save(ps, &s);
        struct token id = next(ps);
        struct token *n2 = peek(ps);
        if (is_char(n2, ':')) {
            next(ps);
            return parse_lambda_rest(ps, pos, sym(ps, id.start, id.len), false, NULL, 0, false);
        }
        if (is_char(n2, '@')) {
            next(ps);
            struct token *b = peek(ps);
            if (!is_char(b, '{')) unexpected(ps, b, "'{'");
            next(ps);
            return parse_formals_lambda(ps, pos, sym(ps, id.start, id.len));
        }
        lex_restore(ps, &s);
        break;
    }
    case T_CHAR:
        if (t->c == '{' && looks_like_formals(ps)) {
            next(ps);
            return parse_formals_lambda(ps, pos, 0);
        }
        break;
    case T_ASSERT: {
        next(ps);
        struct expr_assert *a = node(sizeof *a, E_ASSERT, pos);
        const char *cstart = ps->have_tok ? ps->tok.start : ps->lp.p;
        (void)cstart;
        struct token *ct = peek(ps);
        const char *from = ct->start;
        a->cond = parse_expr(ps);
        const char *to = ps->last.start + ps->last.len;
        a->text = gc_strndup(from, to > from ? (size_t)(to - from) : 0);
        expect_char(ps, ';');
        a->body = parse_expr(ps);
        return &a->e;
    }
    case T_WITH: {
        next(ps);
        struct expr_with *w = node(sizeof *w, E_WITH, pos);
        w->attrs = parse_expr(ps);
        expect_char(ps, ';');
        struct scope *outer = ps->scope;
        struct scope *ws = push_with_scope(ps);
        w->prev_with = ws->prev_with;
        w->body = parse_expr(ps);
        ps->scope = outer;
        return &w->e;
    }
    case T_LET: {
        struct lexsave s;
        lex_save(ps, &s);
        next(ps);
        if (is_char(peek(ps), '{')) {
            lex_restore(ps, &s);
            break;
        }
        struct expr_let *l = node(sizeof *l, E_LET, pos);
        nix_sym *names;
        size_t n;
        prescan_names(ps, &names, &n);
        struct scope *outer = ps->scope;
        push_scope(ps, n, names);
        struct expr_attrs *a = new_attrs(pos);
        a->rec = true;
        parse_binds(ps, a, false, outer);
        finish_attrs(a);
        bool same = a->n == n;
        for (size_t i = 0; same && i < n; i++)
            same = a->attrs[i].name == names[i];
        if (!same) eval_error(ps->st, ERR_PARSE, pos, "internal error: let scan mismatch");
        expect(ps, T_IN, "IN");
        l->binds = a;
        l->body = parse_expr(ps);
        ps->scope = outer;
        return &l->e;
    }
    default: break;
    }
    return parse_if(ps);
}

struct expr *parse_source_in(struct eval_state *st, const struct source *src, struct scope *sc) {
    struct parser ps = {0};
    ps.st = st;
    ps.src = src;
    ps.lp.p = src->text;
    ps.end = src->text + strlen(src->text);
    ps.lp.line = 1;
    ps.lp.col = 1;
    ps.last.line = 1;
    ps.last.col = 1;
    ps.scope = sc;
    struct expr *e = parse_expr(&ps);
    struct token *t = peek(&ps);
    if (t->t != T_EOF) unexpected(&ps, t, NULL);
    return e;
}

struct expr *parse_source(struct eval_state *st, const struct source *src) {
    return parse_source_in(st, src, st->base_scope);
}

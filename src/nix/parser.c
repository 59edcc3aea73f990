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
    /* start of the last whitespace/comment item skipped before the lookahead */
    uint32_t ws_line, ws_col;
    bool ws_seen;
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
    case T_CHAR:
        /* characters the grammar does not use are "invalid token" to bison */
        if (!t->c || !strchr("{}[]();:.=,?@+-*/<>!", t->c)) return "invalid token";
        snprintf(buf, n, "'%c'", t->c);
        return buf;
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

/* Skips whitespace and comments. Each whitespace run and each comment is one item for bison's
 * locations: at end of file an error points at the start of the last item skipped. */
static void skip_ws(struct parser *ps) {
    for (;;) {
        int c = cur(ps);
        uint32_t l = ps->lp.line, co = ps->lp.col;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            while (cur(ps) == ' ' || cur(ps) == '\t' || cur(ps) == '\n' || cur(ps) == '\r')
                advance(ps, 1);
        } else if (c == '#') {
            while (cur(ps) != -1 && cur(ps) != '\n' && cur(ps) != '\r')
                advance(ps, 1);
        } else if (c == '/' && at(ps, 1) == '*') {
            const char *q = ps->lp.p + 2;
            bool closed = false;
            for (; q + 1 < ps->end; q++)
                if (q[0] == '*' && q[1] == '/') {
                    closed = true;
                    break;
                }
            if (!closed) return; /* lexed as '/' then '*', as Nix does */
            advance(ps, (size_t)(q + 2 - ps->lp.p));
        } else {
            return;
        }
        ps->ws_line = l;
        ps->ws_col = co;
        ps->ws_seen = true;
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
    ps->ws_seen = false;
    skip_ws(ps);
    memset(t, 0, sizeof *t);
    t->line = ps->lp.line;
    t->col = ps->lp.col;
    t->start = ps->lp.p;
    const char *p = ps->lp.p, *e = ps->end;
    if (p >= e) {
        t->t = T_EOF;
        if (ps->ws_seen) {
            t->line = ps->ws_line;
            t->col = ps->ws_col;
        } else {
            t->line = ps->last.line;
            t->col = ps->last.col;
        }
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
        errno = 0;
        t->f = strtod(buf, NULL);
        /* Nix refuses what strtod cannot represent: overflow, and underflow to a subnormal */
        if (errno == ERANGE)
            syntax_error_at(ps, t->line, t->col, gc_printf("invalid float '%s'", buf));
        break;
    }
    case T_PATH:
    case T_HPATH:
        if (ps->lp.p + 1 < e && ps->lp.p[0] == '$' && ps->lp.p[1] == '{') {
            t->path_interp = true;
        } else if (p[best - 1] == '/') {
            if (ps->lp.p < e && ps->lp.p[0] == '/')
                syntax_error_at(ps, ps->lp.line, ps->lp.col,
                                "syntax error, unexpected PATH_END, expecting DOLLAR_CURLY");
            /* reported where bison's lookahead is: the next token, or at end of file the
             * whitespace after the path, else the path itself */
            struct lexpos save = ps->lp;
            struct token la;
            ps->last = *t;
            lex(ps, &la);
            ps->lp = save;
            syntax_error_at(ps, la.line, la.col, "path has a trailing slash");
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

/* ---------------------------------------------------------------- variables */

/* Variables are created unresolved; bind_vars resolves them after parsing (so that syntax
 * errors come first, and recursive scopes need no look-ahead). */
static struct expr *mk_var(struct parser *ps, nix_sym name, nix_pos pos) {
    (void)ps;
    struct expr_var *v = node(sizeof *v, E_VAR, pos);
    v->name = name;
    return &v->e;
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

static bool is_const_string(struct expr *e) {
    return e->type == E_CONST && ((struct expr_const *)e)->v.type == VT_STRING;
}

/* Parts are kept as Nix keeps them (no merging): a string is a constant only when it is one
 * literal piece (`single_ok`); otherwise it is a concatenation, which lazy printing shows as
 * <CODE> exactly as nix-instantiate does. */
static struct expr *parts_to_expr(struct parser *ps, struct parts *p, nix_pos pos,
                                  bool force_string, bool single_ok) {
    struct parts m = *p;
    if (m.n == 0) return mk_const_string(ps, "", pos);
    if (m.n == 1 && single_ok && is_const_string(m.e[0]))
        return mk_const_string(ps, ((struct expr_const *)m.e[0])->v.str.s, pos);
    struct expr_concat *c = node(sizeof *c, E_CONCAT_STRINGS, pos);
    c->force_string = force_string;
    c->n = m.n;
    c->parts = m.e;
    c->part_pos = m.pos;
    return &c->e;
}

/* Interpolation after `${` was consumed: expr then `}`; lexer continues right after `}`. */
static struct expr *parse_interp(struct parser *ps) {
    struct expr *e = parse_expr(ps);
    struct token *t = peek(ps);
    /* bison names what it wanted only at end of file */
    if (!is_char(t, '}')) unexpected(ps, t, t->t == T_EOF ? "'}'" : NULL);
    next(ps);
    return e;
}

/* Adds one source character to a string literal, turning CR and CR LF into LF as Nix does. */
static void add_src_char(struct parser *ps, struct strbuf *sb) {
    int c = cur(ps);
    if (c == '\r') {
        sb_addc(sb, '\n');
        advance(ps, at(ps, 1) == '\n' ? 2 : 1);
        return;
    }
    sb_addc(sb, (char)c);
    advance(ps, 1);
}

static char unescape(int d) {
    return d == 'n' ? '\n' : d == 't' ? '\t' : d == 'r' ? '\r' : (char)d;
}

/* Body of "..." after the opening quote. */
static struct expr *parse_dq_string(struct parser *ps, uint32_t line, uint32_t col) {
    struct parts parts = {0};
    struct strbuf sb;
    sb_init(&sb, 16);
    nix_pos spos = mkpos(ps, line, col);
    nix_pos litpos = 0;
    size_t ninterp = 0;
    /* Bison reports end of file at the start of the last item Nix's lexer matched: the opening
     * quote, a literal run, `${`, `}`, or a lone `\`, `$` or `$\` just before end of file (a STR
     * of its own: right after the string's first run that is "unexpected STR"). */
    uint32_t eof_line = line, eof_col = col;
    bool in_run = false;
    for (;;) {
        int c = cur(ps);
        if (c == -1) {
            struct token t = {.t = T_EOF, .line = eof_line, .col = eof_col};
            unexpected(ps, &t, "'\"'");
        }
        if (c == '"') {
            advance(ps, 1);
            break;
        }
        size_t lone = c == '\\' && at(ps, 1) == -1                       ? 1
                      : c == '$' && at(ps, 1) == -1                      ? 1
                      : c == '$' && at(ps, 1) == '\\' && at(ps, 2) == -1 ? 2
                                                                         : 0;
        if (lone) {
            if (in_run && ninterp == 0)
                syntax_error_at(ps, ps->lp.line, ps->lp.col,
                                "syntax error, unexpected STR, expecting '\"'");
            eof_line = ps->lp.line;
            eof_col = ps->lp.col;
            in_run = false;
            if (c == '$') {
                if (sb.len == 0) litpos = mkpos(ps, ps->lp.line, ps->lp.col);
                add_src_char(ps, &sb);
                if (lone == 2) advance(ps, 1); /* end of file follows: an error anyway */
                continue;
            }
        } else if (!in_run && !(c == '$' && at(ps, 1) == '{')) {
            eof_line = ps->lp.line;
            eof_col = ps->lp.col;
            in_run = true;
        }
        if (sb.len == 0) litpos = mkpos(ps, ps->lp.line, ps->lp.col);
        if (c == '\\') {
            int d = at(ps, 1);
            if (d == -1) {
                advance(ps, 1);
                continue;
            }
            if (d == '\r') {
                advance(ps, 1);
                add_src_char(ps, &sb);
                continue;
            }
            advance(ps, 2);
            sb_addc(&sb, unescape(d));
            continue;
        }
        if (c == '$' && at(ps, 1) == '{') {
            if (sb.len) {
                parts_add(&parts, mk_const_string(ps, sb_str(&sb), litpos), litpos);
                sb_init(&sb, 16);
            }
            nix_pos ip = mkpos(ps, ps->lp.line, ps->lp.col);
            ps->last.line = ps->lp.line;
            ps->last.col = ps->lp.col;
            advance(ps, 2);
            parts_add(&parts, parse_interp(ps), ip);
            ninterp++;
            eof_line = ps->last.line; /* the `}` */
            eof_col = ps->last.col;
            in_run = false;
            continue;
        }
        if (c == '$' && at(ps, 1) == '$') {
            sb_addn(&sb, "$$", 2);
            advance(ps, 2);
            continue;
        }
        add_src_char(ps, &sb);
    }
    if (sb.len) parts_add(&parts, mk_const_string(ps, sb_str(&sb), litpos), litpos);
    return parts_to_expr(ps, &parts, spos, true, ninterp == 0);
}

/* An indented string part before stripping: literal text, or an interpolation or escape
 * (both end a line's leading whitespace and are kept as they are). */
struct ind_part {
    bool lit;
    bool interp; /* ${...} (not an escape) */
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
    /* where bison puts an end-of-file error: the start of the last item Nix's lexer matched (a
     * literal run, an escape, `${`, `}`, or a lone `$` or `'` that ends a run) */
    uint32_t eof_line = ps->lp.line, eof_col = ps->lp.col;
    bool in_run = false;
    for (;;) {
        int c = cur(ps);
        if (c == -1) {
            struct token t = {.t = T_EOF, .line = eof_line, .col = eof_col};
            unexpected(ps, &t, "IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE");
        }
        bool escape = c == '\'' && at(ps, 1) == '\'' &&
                      (at(ps, 2) == '$' || at(ps, 2) == '\'' || at(ps, 2) == '\\');
        bool interp = c == '$' && at(ps, 1) == '{';
        bool lone = (c == '$' && (at(ps, 1) == '\'' || at(ps, 1) == -1)) ||
                    (c == '\'' && (at(ps, 1) == '$' || at(ps, 1) == -1));
        if (escape || interp || lone) {
            in_run = false;
            eof_line = ps->lp.line;
            eof_col = ps->lp.col;
        } else if (!in_run && !(c == '\'' && at(ps, 1) == '\'')) {
            in_run = true;
            eof_line = ps->lp.line;
            eof_col = ps->lp.col;
        }
        if (c == '\'' && at(ps, 1) == '\'') {
            int d = at(ps, 2);
            /* escapes are pieces of their own that take no part in indentation */
            if (d == '$' || d == '\'') {
                struct ind_part *x = ind_new(ps, &P, false);
                x->e = mk_const_string(ps, d == '$' ? "$" : "''", x->pos);
                advance(ps, 3);
                continue;
            }
            if (d == '\\' && at(ps, 3) != -1) {
                struct ind_part *x = ind_new(ps, &P, false);
                advance(ps, 3);
                struct strbuf one;
                sb_init(&one, 4);
                if (cur(ps) == '\r' || cur(ps) == '\n')
                    add_src_char(ps, &one);
                else {
                    sb_addc(&one, unescape(cur(ps)));
                    advance(ps, 1);
                }
                x->e = mk_const_string(ps, sb_str(&one), x->pos);
                continue;
            }
            advance(ps, 2);
            break;
        }
        if (c == '$' && at(ps, 1) == '{') {
            struct ind_part *x = ind_new(ps, &P, false);
            x->interp = true;
            ps->last.line = ps->lp.line;
            ps->last.col = ps->lp.col;
            advance(ps, 2);
            x->e = parse_interp(ps);
            eof_line = ps->last.line; /* the `}` */
            eof_col = ps->last.col;
            continue;
        }
        if (c == '$' && at(ps, 1) == '\'') {
            /* a `$` before a quote is a piece of its own in Nix's lexer */
            struct ind_part *x = ind_new(ps, &P, false);
            x->e = mk_const_string(ps, "$", x->pos);
            advance(ps, 1);
            continue;
        }
        if (c == '$' && at(ps, 1) == '$') {
            sb_addn(ind_lit(ps, &P), "$$", 2);
            advance(ps, 2);
            continue;
        }
        add_src_char(ps, ind_lit(ps, &P));
    }
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
    bool last_interp = false;
    for (size_t k = 0; k < n; k++) {
        if (!ip[k].lit) {
            sol = false;
            dropped = 0;
            parts_add(&parts, ip[k].e, ip[k].pos);
            last_interp = ip[k].interp;
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
        if (out.len) {
            parts_add(&parts, mk_const_string(ps, sb_str(&out), ip[k].pos), ip[k].pos);
            last_interp = false;
        }
    }
    return parts_to_expr(ps, &parts, spos, true, !(parts.n == 1 && last_interp));
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
        if (c2 == '/')
            syntax_error_at(ps, ps->lp.line, ps->lp.col + 1, "path has a trailing slash");
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

static bool starts_attr_name(struct token *t) {
    return t->t == T_ID || t->t == T_OR_KW || t->t == T_DQUOTE || t->t == T_DOLLAR_CURLY;
}

static struct attr_name parse_attr_name(struct parser *ps) {
    struct attr_name an = {0};
    struct token t = next(ps);
    if (t.t == T_ID || t.t == T_OR_KW) {
        an.sym = sym(ps, t.start, t.len);
    } else if (t.t == T_DQUOTE) {
        an.dyn = parse_dq_string(ps, t.line, t.col);
    } else if (t.t == T_DOLLAR_CURLY) {
        an.dyn = parse_interp(ps);
    } else {
        unexpected(ps, &t, NULL);
    }
    /* A constant name written as a string or ${"..."} is static (Nix does the same). */
    if (an.dyn && is_const_string(an.dyn)) {
        const char *s = ((struct expr_const *)an.dyn)->v.str.s;
        an.sym = sym(ps, s, strlen(s));
        an.dyn = NULL;
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
            if (d->kind != AK_PLAIN || d->e->type != E_ATTRS)
                dup_attr(ps, path_str(ps, path, n), pos, d->pos);
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
        /* Two literal sets for the same name merge; anything else is a duplicate. */
        if (d->kind == AK_PLAIN && d->e->type == E_ATTRS && e->type == E_ATTRS &&
            !((struct expr_attrs *)e)->rec && !((struct expr_attrs *)d->e)->rec) {
            struct expr_attrs *dst = (struct expr_attrs *)d->e, *srca = (struct expr_attrs *)e;
            for (size_t k = 0; k < srca->n; k++) {
                struct attr_def *x = &srca->attrs[k];
                struct attr_def *y = find_attr(dst, x->name);
                if (y)
                    dup_attr(ps,
                             gc_printf("%s.%s", path_str(ps, path, n),
                                       sym_name(ps->st->symbols, x->name)),
                             x->pos, y->pos);
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

/* Parses bindings up to '}' or `in`. `binds_pos` is where the binding list starts (just after
 * the opening token): Nix uses it as the position of inherited attributes. */
static nix_pos end_pos(struct parser *ps, const struct token *t);

static void parse_binds(struct parser *ps, struct expr_attrs *a, nix_pos binds_pos) {
    for (;;) {
        struct token *t = peek(ps);
        if (is_char(t, '}') || t->t == T_IN || t->t == T_EOF) return;
        if (t->t == T_INHERIT) {
            struct token kw = next(ps);
            /* Nix's position for inherited names: the end of `inherit` or of `(e)` */
            nix_pos names_pos = end_pos(ps, &kw);
            struct expr *from = NULL;
            if (is_char(peek(ps), '(')) {
                next(ps);
                from = parse_expr(ps);
                struct token close = *peek(ps);
                expect_char(ps, ')');
                names_pos = end_pos(ps, &close);
            }
            for (;;) {
                struct token *nt = peek(ps);
                if (is_char(nt, ';')) {
                    next(ps);
                    break;
                }
                struct token at2 = *nt;
                if (!starts_attr_name(nt)) unexpected(ps, nt, NULL);
                struct attr_name an = parse_attr_name(ps);
                nix_pos ap = names_pos;
                if (an.dyn)
                    syntax_error_at(ps, at2.line, at2.col,
                                    "dynamic attributes not allowed in inherit");
                struct attr_def *d = find_attr(a, an.sym);
                if (d) dup_attr(ps, sym_name(ps->st->symbols, an.sym), ap, d->pos);
                struct expr *val;
                if (from) {
                    struct expr_select *s = node(sizeof *s, E_SELECT, binds_pos);
                    s->subject = from;
                    s->n = 1;
                    s->path = GC_MALLOC(sizeof *s->path);
                    s->path[0] = an;
                    val = &s->e;
                } else {
                    val = mk_var(ps, an.sym, binds_pos);
                }
                add_attr(a, an.sym, from ? AK_INHERITED_FROM : AK_INHERITED, ap, val);
            }
            continue;
        }
        /* attrpath = expr ; */
        nix_pos pos = mkpos(ps, t->line, t->col);
        struct attr_name *path = NULL;
        size_t n = 0, cap = 0;
        for (;;) {
            struct token *nt = peek(ps);
            if (!starts_attr_name(nt)) unexpected(ps, nt, NULL);
            struct attr_name an = parse_attr_name(ps);
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

static nix_pos end_pos(struct parser *ps, const struct token *t) {
    return mkpos(ps, t->line, t->col + (uint32_t)t->len);
}

static struct expr *parse_attrs_body(struct parser *ps, nix_pos pos, bool rec,
                                     const struct token *open) {
    /* after '{' */
    struct expr_attrs *a = new_attrs(pos);
    a->rec = rec;
    parse_binds(ps, a, end_pos(ps, open));
    if (!is_char(peek(ps), '}')) unexpected(ps, peek(ps), NULL);
    next(ps);
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
    /* Lists and selections recurse through here without passing parse_expr. */
    eval_check_stack(ps->st);
    struct token t = next(ps);
    nix_pos pos = mkpos(ps, t.line, t.col);
    switch (t.t) {
    case T_ID: {
        if (t.len == 8 && memcmp(t.start, "__curPos", 8) == 0) {
            struct expr *e = node(sizeof(struct expr), E_CURPOS, pos);
            return e;
        }
        return mk_var(ps, sym(ps, t.start, t.len), pos);
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
        c->fn = mk_var(ps, sym(ps, "__findFile", 10), pos);
        c->nargs = 2;
        c->args = GC_MALLOC(2 * sizeof *c->args);
        c->args[0] = mk_var(ps, sym(ps, "__nixPath", 9), pos);
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
        if (t.c == '{') return parse_attrs_body(ps, pos, false, &t);
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
        struct token *o = peek(ps);
        struct token open = *o;
        expect_char(ps, '{');
        return parse_attrs_body(ps, pos, true, &open);
    }
    case T_LET: {
        /* legacy let { ...; body = e; } = rec { ... }.body */
        struct token *o = peek(ps);
        struct token open = *o;
        expect_char(ps, '{');
        struct expr *a = parse_attrs_body(ps, pos, true, &open);
        return mk_select_of(ps, a, ps->st->s_body, 0); /* 2.8: no position */
    }
    default: break;
    }
    unexpected(ps, &t, NULL);
}

static struct expr *parse_select(struct parser *ps) {
    struct token *t0 = peek(ps);
    nix_pos pos = mkpos(ps, t0->line, t0->col);
    struct expr *e = parse_simple(ps);
    if (!is_char(peek(ps), '.')) return e;
    struct attr_name *path = NULL;
    size_t n = 0, cap = 0;
    while (is_char(peek(ps), '.')) {
        next(ps);
        struct token *nt = peek(ps);
        if (!starts_attr_name(nt)) unexpected(ps, nt, NULL);
        struct attr_name an = parse_attr_name(ps);
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
    struct token *t0 = peek(ps);
    nix_pos pos = mkpos(ps, t0->line, t0->col);
    struct expr *f = parse_select(ps);
    if (!starts_simple(ps) && peek(ps)->t != T_OR_KW) return f;
    struct expr **args = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        struct expr *a;
        if (peek(ps)->t == T_OR_KW) {
            /* `f or`: Nix treats a bare `or` argument as the variable `or`. */
            struct token o = next(ps);
            (void)o;
            a = mk_var(ps, sym(ps, "or", 2), pos);
        } else if (starts_simple(ps)) {
            a = parse_select(ps);
        } else {
            break;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            struct expr **na = GC_MALLOC(cap * sizeof *na);
            if (n) memcpy(na, args, n * sizeof *na);
            args = na;
        }
        args[n++] = a;
    }
    struct expr_call *c = node(sizeof *c, E_CALL, pos);
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
                             struct expr *r, nix_pos pos, nix_pos lpos, nix_pos rpos) {
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
            c->part_pos[0] = lpos;
            c->part_pos[1] = rpos;
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
    eval_check_stack(ps->st); /* `!!!…` and `---…` recurse here */
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
    struct token *t0 = peek(ps);
    nix_pos lpos = mkpos(ps, t0->line, t0->col);
    struct expr *l = parse_unary(ps);
    int last_nonassoc = 0;
    for (;;) {
        struct token *t = peek(ps);
        bool right, nonassoc;
        int p = binop_prec(t, &right, &nonassoc);
        if (p == 0 || p < min_prec) return l;
        if (nonassoc && last_nonassoc == p) unexpected(ps, t, NULL);
        struct token op = next(ps);
        if (p == P_HAS) {
            struct attr_name *path = NULL;
            size_t n = 0, cap = 0;
            for (;;) {
                struct token *nt = peek(ps);
                if (!starts_attr_name(nt)) unexpected(ps, nt, NULL);
                struct attr_name an = parse_attr_name(ps);
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
            struct expr_select *s = node(sizeof *s, E_HASATTR, lpos);
            s->subject = l;
            s->n = n;
            s->path = path;
            l = &s->e;
            last_nonassoc = p;
            continue;
        }
        struct token *rt = peek(ps);
        nix_pos rpos = mkpos(ps, rt->line, rt->col);
        struct expr *r = parse_op(ps, right ? p : p + 1);
        /* Nix 2.8 reports operator errors at the start of the whole expression. */
        l = mk_binop(ps, &op, l, r, lpos, lpos, rpos);
        last_nonassoc = nonassoc ? p : 0;
    }
}

static struct expr *parse_if(struct parser *ps) {
    struct token *t = peek(ps);
    if (t->t == T_IF) {
        struct token it = next(ps);
        struct expr_if *e = node(sizeof *e, E_IF, mkpos(ps, it.line, it.col));
        e->cond = parse_expr(ps);
        expect(ps, T_THEN, NULL);
        e->then = parse_expr(ps);
        expect(ps, T_ELSE, NULL);
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
        res = is_char(&b, ',') || is_char(&b, '?');
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

static struct expr *mk_lambda(struct parser *ps, nix_pos pos, nix_sym arg, bool formals,
                              struct formal *fs, size_t nf, bool ellipsis) {
    struct expr_lambda *l = node(sizeof *l, E_LAMBDA, pos);
    l->arg = arg;
    l->has_formals = formals;
    l->ellipsis = ellipsis;
    l->nformals = nf;
    l->formals = fs;
    l->env_size = (uint32_t)(nf + (arg ? 1 : 0));
    l->body = parse_expr(ps);
    return &l->e;
}

/* `{ a, b ? d, ... }` after the `{`, then optional `@ name`, then `:` and the body. */
static struct expr *parse_formals_lambda(struct parser *ps, nix_pos pos, nix_sym at_before) {
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
        struct token c = next(ps);
        if (is_char(&c, '?')) {
            fs[nf].def = parse_expr(ps);
            c = next(ps);
        }
        nf++;
        if (is_char(&c, '}')) break;
        if (!is_char(&c, ',')) unexpected(ps, &c, NULL);
    }
    nix_sym arg = at_before;
    if (is_char(peek(ps), '@')) {
        next(ps);
        struct token a = next(ps);
        if (a.t != T_ID || at_before) unexpected(ps, &a, NULL);
        arg = sym(ps, a.start, a.len);
    }
    expect_char(ps, ':');
    for (size_t i = 0; i < nf; i++)
        if (arg && fs[i].name == arg)
            eval_error(ps->st, ERR_PARSE, pos, "duplicate formal function argument '%s'",
                       sym_name(ps->st->symbols, arg));
    qsort(fs, nf, sizeof *fs, cmp_formal);
    return mk_lambda(ps, pos, arg, true, fs, nf, ellipsis);
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
            return mk_lambda(ps, pos, sym(ps, id.start, id.len), false, NULL, 0, false);
        }
        if (is_char(n2, '@')) {
            next(ps);
            struct token *b = peek(ps);
            if (!is_char(b, '{')) unexpected(ps, b, NULL);
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
        a->cond = parse_expr(ps);
        expect_char(ps, ';');
        a->body = parse_expr(ps);
        return &a->e;
    }
    case T_WITH: {
        next(ps);
        struct expr_with *w = node(sizeof *w, E_WITH, pos);
        w->attrs = parse_expr(ps);
        expect_char(ps, ';');
        w->body = parse_expr(ps);
        return &w->e;
    }
    case T_LET: {
        struct lexsave s;
        lex_save(ps, &s);
        struct token lt = next(ps);
        if (is_char(peek(ps), '{')) {
            lex_restore(ps, &s);
            break;
        }
        struct expr_let *l = node(sizeof *l, E_LET, pos);
        struct expr_attrs *a = new_attrs(pos);
        a->rec = true;
        parse_binds(ps, a, end_pos(ps, &lt));
        expect(ps, T_IN, NULL);
        l->binds = a;
        l->body = parse_expr(ps);
        return &l->e;
    }
    default: break;
    }
    return parse_if(ps);
}

/* ---------------------------------------------------------------- escape analysis */

static bool is_trivial(struct expr *e) {
    return e->type == E_CONST || (e->type == E_VAR && !((struct expr_var *)e)->from_with &&
                                  !((struct expr_var *)e)->with_lit);
}

/* Can evaluating `e` (in some env) store that env anywhere? See expr_lambda.env_escapes. */
static bool captures_env(struct eval_state *st, struct expr *e) {
    eval_check_stack(st);
    switch (e->type) {
    case E_CONST:
    case E_VAR:
    case E_CURPOS: return false;
    case E_LAMBDA:
    case E_LET:
    case E_WITH: return true;
    case E_SELECT:
    case E_HASATTR: {
        struct expr_select *s = (struct expr_select *)e;
        if (captures_env(st, s->subject)) return true;
        for (size_t i = 0; i < s->n; i++)
            if (s->path[i].dyn && captures_env(st, s->path[i].dyn)) return true;
        return s->def && captures_env(st, s->def);
    }
    case E_ATTRS: {
        struct expr_attrs *a = (struct expr_attrs *)e;
        if (a->rec) return true;
        for (size_t i = 0; i < a->n; i++)
            if (!is_trivial(a->attrs[i].e)) return true;
        for (size_t i = 0; i < a->ndyn; i++)
            if (captures_env(st, a->dyn[i].name) || !is_trivial(a->dyn[i].value)) return true;
        return false;
    }
    case E_LIST: {
        struct expr_list *l = (struct expr_list *)e;
        for (size_t i = 0; i < l->n; i++)
            if (!is_trivial(l->items[i])) return true;
        return false;
    }
    case E_CALL: {
        struct expr_call *c = (struct expr_call *)e;
        if (captures_env(st, c->fn)) return true;
        for (size_t i = 0; i < c->nargs; i++)
            if (!is_trivial(c->args[i])) return true;
        return false;
    }
    case E_IF: {
        struct expr_if *i = (struct expr_if *)e;
        return captures_env(st, i->cond) || captures_env(st, i->then) || captures_env(st, i->els);
    }
    case E_ASSERT: {
        struct expr_assert *a = (struct expr_assert *)e;
        return captures_env(st, a->cond) || captures_env(st, a->body);
    }
    case E_NOT:
    case E_NEG: return captures_env(st, ((struct expr_unop *)e)->a);
    case E_CONCAT_STRINGS: {
        struct expr_concat *c = (struct expr_concat *)e;
        for (size_t i = 0; i < c->n; i++)
            if (captures_env(st, c->parts[i])) return true;
        return false;
    }
    default: {
        struct expr_binop *b = (struct expr_binop *)e;
        return captures_env(st, b->l) || captures_env(st, b->r);
    }
    }
}

/* ---------------------------------------------------------------- binding variables */

static void bind(struct parser *ps, struct expr *e, struct scope *sc);

static struct scope *new_scope(struct scope *up, size_t n, nix_sym *names) {
    struct scope *s = GC_MALLOC(sizeof *s);
    s->up = up;
    s->n = n;
    s->names = names;
    return s;
}

static void bind_var(struct parser *ps, struct expr_var *v, struct scope *sc) {
    uint32_t level = 0;
    bool seen_with = false;
    uint32_t with_level = 0;
    for (struct scope *s = sc; s; s = s->up, level++) {
        if (s->is_with) {
            if (!seen_with) {
                seen_with = true;
                with_level = level;
            }
            continue;
        }
        if (s->n > 8 && s->sorted) {
            size_t lo = 0, hi = s->n;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (s->names[mid] == v->name) {
                    v->level = level;
                    v->index = (uint32_t)mid;
                    return;
                }
                if (s->names[mid] < v->name)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            continue;
        }
        for (size_t i = 0; i < s->n; i++) {
            if (s->names[i] == v->name) {
                v->level = level;
                v->index = (uint32_t)i;
                return;
            }
        }
    }
    if (!seen_with)
        eval_error(ps->st, ERR_PARSE, v->e.pos, "undefined variable '%s'",
                   sym_name(ps->st->symbols, v->name));
    /* `with` sets written as literals have known names: resolve to the innermost one that has
     * the name, unless a `with` of unknown names comes first (then look up at run time). */
    level = 0;
    for (struct scope *s = sc; s; s = s->up, level++) {
        if (!s->is_with) continue;
        if (!s->lit) break;
        for (size_t i = 0; i < s->lit->n; i++) {
            if (s->lit->attrs[i].name == v->name) {
                v->with_lit = true;
                v->level = level;
                v->index = (uint32_t)i;
                v->first_with = with_level;
                return;
            }
        }
    }
    v->from_with = true;
    v->level = with_level;
    v->first_with = with_level;
}

static int cmp_attr_def(const void *x, const void *y) {
    const struct attr_def *a = x, *b = y;
    return a->name < b->name ? -1 : a->name > b->name;
}

/* Sorts the static attributes (slot i of a rec/let env is attrs[i]) and binds the values. */
static void bind_attrs(struct parser *ps, struct expr_attrs *a, struct scope *sc) {
    if (a->n > 1) qsort(a->attrs, a->n, sizeof *a->attrs, cmp_attr_def);
    struct scope *inner = sc;
    if (a->rec) {
        nix_sym *names = GC_MALLOC_ATOMIC((a->n ? a->n : 1) * sizeof *names);
        for (size_t i = 0; i < a->n; i++)
            names[i] = a->attrs[i].name;
        inner = new_scope(sc, a->n, names);
        inner->sorted = true;
    }
    for (size_t i = 0; i < a->n; i++)
        bind(ps, a->attrs[i].e, a->attrs[i].kind == AK_INHERITED ? sc : inner);
    for (size_t i = 0; i < a->ndyn; i++) {
        bind(ps, a->dyn[i].name, inner);
        bind(ps, a->dyn[i].value, inner);
    }
}

static void bind_path(struct parser *ps, struct attr_name *path, size_t n, struct scope *sc) {
    for (size_t i = 0; i < n; i++)
        if (path[i].dyn) bind(ps, path[i].dyn, sc);
}

static void bind(struct parser *ps, struct expr *e, struct scope *sc) {
    char probe;
    if ((uintptr_t)&probe < ps->st->stack_limit)
        eval_error(ps->st, ERR_STACK, 0, "stack overflow (possible infinite recursion)");
    switch (e->type) {
    case E_CONST:
    case E_CURPOS: return;
    case E_VAR: bind_var(ps, (struct expr_var *)e, sc); return;
    case E_SELECT:
    case E_HASATTR: {
        struct expr_select *s = (struct expr_select *)e;
        bind(ps, s->subject, sc);
        bind_path(ps, s->path, s->n, sc);
        if (s->def) bind(ps, s->def, sc);
        return;
    }
    case E_ATTRS: bind_attrs(ps, (struct expr_attrs *)e, sc); return;
    case E_LIST: {
        struct expr_list *l = (struct expr_list *)e;
        for (size_t i = 0; i < l->n; i++)
            bind(ps, l->items[i], sc);
        return;
    }
    case E_LAMBDA: {
        struct expr_lambda *l = (struct expr_lambda *)e;
        size_t n = l->nformals + (l->arg ? 1 : 0);
        nix_sym *names = GC_MALLOC_ATOMIC((n ? n : 1) * sizeof *names);
        for (size_t i = 0; i < l->nformals; i++)
            names[i] = l->formals[i].name;
        if (l->arg) names[l->nformals] = l->arg;
        struct scope *inner = new_scope(sc, n, names);
        l->env_escapes = false;
        for (size_t i = 0; i < l->nformals; i++)
            if (l->formals[i].def) {
                bind(ps, l->formals[i].def, inner);
                l->env_escapes = true;
            }
        bind(ps, l->body, inner);
        /* from_with variables are only known after binding the body */
        if (!l->env_escapes) l->env_escapes = captures_env(ps->st, l->body);
        return;
    }
    case E_CALL: {
        struct expr_call *c = (struct expr_call *)e;
        bind(ps, c->fn, sc);
        for (size_t i = 0; i < c->nargs; i++)
            bind(ps, c->args[i], sc);
        return;
    }
    case E_LET: {
        struct expr_let *l = (struct expr_let *)e;
        struct expr_attrs *a = l->binds;
        bind_attrs(ps, a, sc);
        nix_sym *names = GC_MALLOC_ATOMIC((a->n ? a->n : 1) * sizeof *names);
        for (size_t i = 0; i < a->n; i++)
            names[i] = a->attrs[i].name;
        struct scope *inner = new_scope(sc, a->n, names);
        inner->sorted = true;
        bind(ps, l->body, inner);
        return;
    }
    case E_WITH: {
        struct expr_with *w = (struct expr_with *)e;
        bind(ps, w->attrs, sc);
        struct scope *ws = new_scope(sc, 0, NULL);
        ws->is_with = true;
        if (w->attrs->type == E_ATTRS && ((struct expr_attrs *)w->attrs)->ndyn == 0)
            ws->lit = (struct expr_attrs *)w->attrs;
        uint32_t hops = 1;
        for (struct scope *o = sc; o; o = o->up, hops++) {
            if (o->is_with) {
                ws->prev_with = hops;
                break;
            }
        }
        w->prev_with = ws->prev_with;
        bind(ps, w->body, ws);
        return;
    }
    case E_IF: {
        struct expr_if *i = (struct expr_if *)e;
        bind(ps, i->cond, sc);
        bind(ps, i->then, sc);
        bind(ps, i->els, sc);
        return;
    }
    case E_ASSERT: {
        struct expr_assert *a = (struct expr_assert *)e;
        bind(ps, a->cond, sc);
        bind(ps, a->body, sc);
        return;
    }
    case E_NOT:
    case E_NEG: bind(ps, ((struct expr_unop *)e)->a, sc); return;
    case E_CONCAT_STRINGS: {
        struct expr_concat *c = (struct expr_concat *)e;
        for (size_t i = 0; i < c->n; i++)
            bind(ps, c->parts[i], sc);
        return;
    }
    default: {
        struct expr_binop *b = (struct expr_binop *)e;
        bind(ps, b->l, sc);
        bind(ps, b->r, sc);
        return;
    }
    }
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
    struct expr *e = parse_expr(&ps);
    struct token *t = peek(&ps);
    if (t->t != T_EOF) unexpected(&ps, t, "end of file");
    bind(&ps, e, sc);
    return e;
}

struct expr *parse_source(struct eval_state *st, const struct source *src) {
    return parse_source_in(st, src, st->base_scope);
}

/* ---------------------------------------------------------------- showing expressions */

/* Prints an expression as Nix 2.8's show() does (used in "assertion '...' failed"): fully
 * parenthesised, with the operators that Nix desugars into calls shown as those calls. */
static void show(struct eval_state *st, struct expr *e, struct strbuf *o);

static void show_attr_path(struct eval_state *st, struct attr_name *p, size_t n, struct strbuf *o) {
    for (size_t i = 0; i < n; i++) {
        if (i) sb_addc(o, '.');
        if (p[i].dyn) {
            sb_adds(o, "\"${");
            show(st, p[i].dyn, o);
            sb_adds(o, "}\"");
        } else {
            sb_adds(o, sym_name(st->symbols, p[i].sym));
        }
    }
}

static void show_call2(struct eval_state *st, const char *fn, struct expr *a, struct expr *b,
                       struct strbuf *o) {
    sb_printf(o, "(%s ", fn);
    show(st, a, o);
    sb_addc(o, ' ');
    show(st, b, o);
    sb_addc(o, ')');
}

static void show_binds(struct eval_state *st, struct expr_attrs *a, struct strbuf *o) {
    for (size_t i = 0; i < a->n; i++) {
        struct attr_def *d = &a->attrs[i];
        const char *name = sym_name(st->symbols, d->name);
        if (d->kind == AK_INHERITED) {
            sb_printf(o, "inherit %s; ", name);
        } else {
            sb_printf(o, "%s = ", name);
            show(st, d->e, o);
            sb_adds(o, "; ");
        }
    }
    for (size_t i = 0; i < a->ndyn; i++) {
        sb_adds(o, "\"${");
        show(st, a->dyn[i].name, o);
        sb_adds(o, "}\" = ");
        show(st, a->dyn[i].value, o);
        sb_adds(o, "; ");
    }
}

static void show(struct eval_state *st, struct expr *e, struct strbuf *o) {
    eval_check_stack(st);
    struct expr_binop *b = (struct expr_binop *)e;
    switch (e->type) {
    case E_CONST: {
        struct value *v = &((struct expr_const *)e)->v;
        if (v->type == VT_INT)
            sb_printf(o, "%lld", (long long)v->i);
        else if (v->type == VT_FLOAT)
            sb_printf(o, "%g", v->f);
        else if (v->type == VT_STRING)
            print_string_literal(o, v->str.s);
        else if (v->type == VT_PATH)
            sb_adds(o, v->path);
        return;
    }
    case E_VAR: sb_adds(o, sym_name(st->symbols, ((struct expr_var *)e)->name)); return;
    case E_SELECT: {
        struct expr_select *s = (struct expr_select *)e;
        sb_addc(o, '(');
        show(st, s->subject, o);
        sb_adds(o, ").");
        show_attr_path(st, s->path, s->n, o);
        if (s->def) {
            sb_adds(o, " or (");
            show(st, s->def, o);
            sb_addc(o, ')');
        }
        return;
    }
    case E_HASATTR: {
        struct expr_select *s = (struct expr_select *)e;
        sb_adds(o, "((");
        show(st, s->subject, o);
        sb_adds(o, ") ? ");
        show_attr_path(st, s->path, s->n, o);
        sb_addc(o, ')');
        return;
    }
    case E_ATTRS: {
        struct expr_attrs *a = (struct expr_attrs *)e;
        if (a->rec) sb_adds(o, "rec ");
        sb_adds(o, "{ ");
        show_binds(st, a, o);
        sb_addc(o, '}');
        return;
    }
    case E_LIST: {
        struct expr_list *l = (struct expr_list *)e;
        sb_adds(o, "[ ");
        for (size_t i = 0; i < l->n; i++) {
            show(st, l->items[i], o);
            sb_addc(o, ' ');
        }
        sb_addc(o, ']');
        return;
    }
    case E_LAMBDA: {
        struct expr_lambda *l = (struct expr_lambda *)e;
        sb_addc(o, '(');
        if (l->has_formals) {
            sb_adds(o, "{ ");
            bool first = true;
            for (size_t i = 0; i < l->nformals; i++) {
                if (!first) sb_adds(o, ", ");
                first = false;
                sb_adds(o, sym_name(st->symbols, l->formals[i].name));
                if (l->formals[i].def) {
                    sb_adds(o, " ? ");
                    show(st, l->formals[i].def, o);
                }
            }
            if (l->ellipsis) {
                if (!first) sb_adds(o, ", ");
                sb_adds(o, "...");
            }
            sb_adds(o, " }");
            if (l->arg) sb_adds(o, " @ ");
        }
        if (l->arg) sb_adds(o, sym_name(st->symbols, l->arg));
        sb_adds(o, ": ");
        show(st, l->body, o);
        sb_addc(o, ')');
        return;
    }
    case E_CALL: {
        struct expr_call *c = (struct expr_call *)e;
        sb_addc(o, '(');
        show(st, c->fn, o);
        for (size_t i = 0; i < c->nargs; i++) {
            sb_addc(o, ' ');
            show(st, c->args[i], o);
        }
        sb_addc(o, ')');
        return;
    }
    case E_LET: {
        struct expr_let *l = (struct expr_let *)e;
        sb_adds(o, "(let ");
        show_binds(st, l->binds, o);
        sb_adds(o, "in ");
        show(st, l->body, o);
        sb_addc(o, ')');
        return;
    }
    case E_WITH: {
        struct expr_with *w = (struct expr_with *)e;
        sb_adds(o, "(with ");
        show(st, w->attrs, o);
        sb_adds(o, "; ");
        show(st, w->body, o);
        sb_addc(o, ')');
        return;
    }
    case E_IF: {
        struct expr_if *i = (struct expr_if *)e;
        sb_adds(o, "(if ");
        show(st, i->cond, o);
        sb_adds(o, " then ");
        show(st, i->then, o);
        sb_adds(o, " else ");
        show(st, i->els, o);
        sb_addc(o, ')');
        return;
    }
    case E_ASSERT: {
        struct expr_assert *a = (struct expr_assert *)e;
        sb_adds(o, "assert ");
        show(st, a->cond, o);
        sb_adds(o, "; ");
        show(st, a->body, o);
        return;
    }
    case E_NOT:
        sb_adds(o, "(! ");
        show(st, ((struct expr_unop *)e)->a, o);
        sb_addc(o, ')');
        return;
    case E_NEG:
        sb_adds(o, "(__sub 0 ");
        show(st, ((struct expr_unop *)e)->a, o);
        sb_addc(o, ')');
        return;
    case E_CONCAT_STRINGS: {
        struct expr_concat *c = (struct expr_concat *)e;
        sb_addc(o, '(');
        for (size_t i = 0; i < c->n; i++) {
            if (i) sb_adds(o, " + ");
            show(st, c->parts[i], o);
        }
        sb_addc(o, ')');
        return;
    }
    case E_CURPOS: sb_adds(o, "__curPos"); return;
    case E_SUB: show_call2(st, "__sub", b->l, b->r, o); return;
    case E_MUL: show_call2(st, "__mul", b->l, b->r, o); return;
    case E_DIV: show_call2(st, "__div", b->l, b->r, o); return;
    case E_LT: show_call2(st, "__lessThan", b->l, b->r, o); return;
    case E_GT: show_call2(st, "__lessThan", b->r, b->l, o); return;
    case E_LE:
        sb_adds(o, "(! ");
        show_call2(st, "__lessThan", b->r, b->l, o);
        sb_addc(o, ')');
        return;
    case E_GE:
        sb_adds(o, "(! ");
        show_call2(st, "__lessThan", b->l, b->r, o);
        sb_addc(o, ')');
        return;
    default: {
        const char *op = e->type == E_EQ       ? "=="
                         : e->type == E_NEQ    ? "!="
                         : e->type == E_AND    ? "&&"
                         : e->type == E_OR     ? "||"
                         : e->type == E_IMPL   ? "->"
                         : e->type == E_UPDATE ? "//"
                                               : "++";
        sb_addc(o, '(');
        show(st, b->l, o);
        sb_printf(o, " %s ", op);
        show(st, b->r, o);
        sb_addc(o, ')');
        return;
    }
    }
}

const char *expr_show(struct eval_state *st, struct expr *e) {
    struct strbuf sb;
    sb_init(&sb, 64);
    show(st, e, &sb);
    return sb_str(&sb);
}

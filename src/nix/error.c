/* src/nix/error.c: formatting evaluation errors as Nix 2.8 prints them.
 *
 * Owns: the layout `error: MSG`, then for a known position a blank line, `       at FILE:L:C:`,
 * a blank line and the source excerpt (previous line, the line, a caret, next line), then an
 * optional hint line, then the trace frames with --show-trace, or the line
 * "(use '--show-trace' to show detailed location information)" when frames exist. */
#include "nix/ast.h"

#include <stdio.h>
#include <string.h>

static const char *line_of(const char *text, uint32_t line, size_t *len) {
    const char *p = text;
    for (uint32_t l = 1; l < line; l++) {
        p = strchr(p, '\n');
        if (!p) return NULL;
        p++;
    }
    const char *e = strchr(p, '\n');
    *len = e ? (size_t)(e - p) : strlen(p);
    if (!e && *len == 0 && p != text && p[-1] == '\n') return NULL; /* past the last line */
    return p;
}

static void code_line(struct strbuf *out, uint32_t n, const char *l, size_t len) {
    if (len)
        sb_printf(out, "%13u| %.*s\n", n, (int)len, l);
    else
        sb_printf(out, "%13u|\n", n);
}

static void excerpt(struct eval_state *st, nix_pos pos, struct strbuf *out) {
    const struct pos_info *pi = eval_pos_get(st, pos);
    if (!pi || !pi->src) return;
    sb_printf(out, "\n\n       at %s:%u:%u:", pi->src->path ? pi->src->path : "«string»", pi->line,
              pi->col);
    /* builtins written in Nix have no file to show lines from (as in Nix) */
    if (pi->src->path && strncmp(pi->src->path, "//builtin/", 10) == 0) return;
    sb_addc(out, '\n');
    const char *text = pi->src->text;
    if (!text) return;
    size_t len;
    const char *l = line_of(text, pi->line, &len);
    if (!l) return;
    sb_addc(out, '\n');
    size_t plen;
    const char *prev = pi->line > 1 ? line_of(text, pi->line - 1, &plen) : NULL;
    if (prev) code_line(out, pi->line - 1, prev, plen);
    code_line(out, pi->line, l, len);
    sb_adds(out, "             | ");
    for (uint32_t i = 1; i < pi->col; i++)
        sb_addc(out, ' ');
    sb_addc(out, '^');
    size_t nlen;
    const char *nxt = line_of(text, pi->line + 1, &nlen);
    if (nxt) {
        sb_addc(out, '\n');
        code_line(out, pi->line + 1, nxt, nlen);
        out->len--; /* no newline after the last excerpt line */
    }
}

void error_format(struct eval_state *st, const struct nix_error *e, struct strbuf *out) {
    sb_adds(out, "error: ");
    /* continuation lines of the message are indented under its first line */
    for (const char *m = e->msg; *m; m++) {
        sb_addc(out, *m);
        if (*m == '\n') sb_adds(out, "       ");
    }
    excerpt(st, e->pos, out);
    if (e->hint) {
        sb_adds(out, "\n       ");
        sb_adds(out, e->hint);
    }
    if (e->nframes) {
        if (st->show_trace) {
            for (size_t i = 0; i < e->nframes; i++) {
                sb_adds(out, "\n\n       … ");
                sb_adds(out, e->frames[i].msg);
                excerpt(st, e->frames[i].pos, out);
            }
        } else {
            sb_adds(out, "\n(use '--show-trace' to show detailed location information)");
        }
    }
    sb_addc(out, '\n');
}

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

static void excerpt(struct eval_state *st, nix_pos pos, struct strbuf *out) {
    const struct pos_info *pi = eval_pos_get(st, pos);
    if (!pi || !pi->src) return;
    sb_printf(out, "\n\n       at %s:%u:%u:\n", pi->src->path ? pi->src->path : "«string»",
              pi->line, pi->col);
    const char *text = pi->src->text;
    if (!text) return;
    size_t len;
    const char *l = line_of(text, pi->line, &len);
    if (!l) return;
    sb_addc(out, '\n');
    size_t plen;
    const char *prev = pi->line > 1 ? line_of(text, pi->line - 1, &plen) : NULL;
    if (prev) sb_printf(out, "%13u| %.*s\n", pi->line - 1, (int)plen, prev);
    sb_printf(out, "%13u| %.*s\n", pi->line, (int)len, l);
    sb_adds(out, "             | ");
    for (uint32_t i = 1; i < pi->col; i++)
        sb_addc(out, ' ');
    sb_addc(out, '^');
    size_t nlen;
    const char *nxt = line_of(text, pi->line + 1, &nlen);
    if (nxt) sb_printf(out, "\n%13u| %.*s", pi->line + 1, (int)nlen, nxt);
}

void error_format(struct eval_state *st, const struct nix_error *e, struct strbuf *out) {
    sb_adds(out, "error: ");
    sb_adds(out, e->msg);
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

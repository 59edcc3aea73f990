/* builtins_misc: currentTime, toPath, warn, traceVerbose, break and
 * addErrorContext. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"

#include <gc.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* builtins.warn (current Nix): prints the message and returns the second argument. */
static void prim_warn(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    const char *msg = eval_force_string(st, args[0], pos, NULL);
    fprintf(stderr, "evaluation warning: %s\n", msg);
    eval_force(st, args[1], pos);
    *out = *args[1];
}

/* traceVerbose prints only with Nix's trace-verbose setting, which hearth does not have. */
static void prim_traceVerbose(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    eval_force(st, args[1], pos);
    *out = *args[1];
}

/* break: a breakpoint for Nix's debugger; without one it returns its argument. */
static void prim_break(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force(st, args[0], pos);
    *out = *args[0];
}

struct force_arg {
    struct value *v;
    nix_pos pos;
};

static void force_cb(struct eval_state *st, void *ud) {
    struct force_arg *a = ud;
    eval_force(st, a->v, a->pos);
}

/* addErrorContext msg e: e, but an error from it gets msg as a trace frame. The message is
 * only evaluated when there is an error, as in Nix. */
static void prim_addErrorContext(struct eval_state *st, struct value **args, struct value *out,
                                 nix_pos pos) {
    struct force_arg a = {args[1], pos};
    size_t outer = st->show_trace ? st->ntrace : 0;
    struct nix_error *e = eval_try(st, force_cb, &a);
    if (e) {
        /* Nix shows the context without a position. */
        const char *msg = eval_coerce_to_string(st, args[0], pos, NULL, false, false);
        builtins_error_add_frame(e, outer, 0, msg);
        eval_rethrow(st, e);
    }
    *out = *args[1];
}

/* toPath (deprecated in Nix): an absolute, canonical path as a string. */
static void prim_toPath(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    struct ctx_buf ctx = {0};
    eval_force(st, args[0], pos);
    if (args[0]->type == VT_STRING) ctx_buf_add(&ctx, args[0]->str.ctx);
    mk_string(out, path_canon(eval_coerce_to_path(st, args[0], pos)), ctx_buf_finish(&ctx));
}

void builtins_misc_register(struct eval_state *st) {
    /* Fixed when evaluation starts, as in Nix. */
    struct value *v = value_alloc();
    mk_int(v, (int64_t)time(NULL));
    eval_register_value(st, "__currentTime", v);
    eval_register_primop(st, "__toPath", 1, prim_toPath);
    eval_register_primop(st, "__warn", 2, prim_warn);
    eval_register_primop(st, "__traceVerbose", 2, prim_traceVerbose);
    eval_register_primop(st, "__break", 1, prim_break);
    eval_register_primop(st, "__addErrorContext", 2, prim_addErrorContext);
}

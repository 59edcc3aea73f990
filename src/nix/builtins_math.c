/* builtins_math: bitAnd, bitOr, bitXor, ceil and floor. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"

#include <math.h>
#include <stdint.h>

static void prim_bitAnd(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    int64_t a = eval_force_int(st, args[0], pos);
    mk_int(out, a & eval_force_int(st, args[1], pos));
}

static void prim_bitOr(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    int64_t a = eval_force_int(st, args[0], pos);
    mk_int(out, a | eval_force_int(st, args[1], pos));
}

static void prim_bitXor(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    int64_t a = eval_force_int(st, args[0], pos);
    mk_int(out, a ^ eval_force_int(st, args[1], pos));
}

/* Out-of-range results (and NaN) give the minimum integer, as Nix does on x86-64, instead of
 * C's undefined conversion. */
static int64_t to_int(double d) {
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return INT64_MIN;
    return (int64_t)d;
}

static void prim_ceil(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    mk_int(out, to_int(ceil(eval_force_float(st, args[0], pos))));
}

static void prim_floor(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    mk_int(out, to_int(floor(eval_force_float(st, args[0], pos))));
}

void builtins_math_register(struct eval_state *st) {
    eval_register_primop(st, "__bitAnd", 2, prim_bitAnd);
    eval_register_primop(st, "__bitOr", 2, prim_bitOr);
    eval_register_primop(st, "__bitXor", 2, prim_bitXor);
    eval_register_primop(st, "__ceil", 1, prim_ceil);
    eval_register_primop(st, "__floor", 1, prim_floor);
}

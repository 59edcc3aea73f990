/* builtins_hash: builtins.convertHash (current Nix; 2.8 lacks it): a hash from base-16, Nix
 * base-32, base-64 or SRI (with or without an "algo:" prefix) to the form `toHashFormat` names.
 * Parsing and rendering are the store module's (store/hash.h). */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "store/hash.h"

#include <gc.h>
#include <stdlib.h>
#include <string.h>

static struct attr *arg(struct eval_state *st, struct attrs *a, const char *name) {
    return attrs_get(a, eval_sym(st, name));
}

static void prim_convertHash(struct eval_state *st, struct value **args, struct value *out,
                             nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    struct attr *h = arg(st, a, "hash"), *algo_a = arg(st, a, "hashAlgo"),
                *to = arg(st, a, "toHashFormat");
    if (!h) eval_error(st, ERR_EVAL, pos, "attribute 'hash' missing");
    if (!to) eval_error(st, ERR_EVAL, pos, "attribute 'toHashFormat' missing");
    const char *text = eval_force_string_noctx(st, h->value, pos);
    enum hash_algo algo, *algop = NULL;
    if (algo_a) {
        const char *name = eval_force_string_noctx(st, algo_a->value, pos);
        if (!hash_algo_from_name(name, &algo))
            eval_error(st, ERR_EVAL, pos, "unknown hash algorithm '%s'", name);
        algop = &algo;
    }
    const char *format = eval_force_string_noctx(st, to->value, pos);
    struct hash parsed;
    char *err = NULL;
    if (hash_parse_any(text, algop, &parsed, &err) != 0) {
        const char *msg = gc_strdup(err ? err : "out of memory");
        free(err);
        eval_error(st, ERR_EVAL, pos, "%s", msg);
    }
    char buf[HASH_MAX_BYTES * 2 + 1];
    if (strcmp(format, "base16") == 0) {
        hash_to_base16(parsed.bytes, parsed.len, buf);
        mk_string(out, gc_strdup(buf), NULL);
    } else if (strcmp(format, "nix32") == 0 || strcmp(format, "base32") == 0) {
        hash_to_base32(parsed.bytes, parsed.len, buf);
        mk_string(out, gc_strdup(buf), NULL);
    } else if (strcmp(format, "base64") == 0) {
        hash_to_base64(parsed.bytes, parsed.len, buf);
        mk_string(out, gc_strdup(buf), NULL);
    } else if (strcmp(format, "sri") == 0) {
        hash_to_base64(parsed.bytes, parsed.len, buf);
        mk_string(out, gc_printf("%s-%s", hash_algo_name(parsed.algo), buf), NULL);
    } else {
        eval_error(st, ERR_EVAL, pos,
                   "unknown hash format '%s', expect 'base16', 'base32', "
                   "'nix32', 'base64' or 'sri'",
                   format);
    }
}

void builtins_hash_register(struct eval_state *st) {
    eval_register_primop(st, "__convertHash", 1, prim_convertHash);
}

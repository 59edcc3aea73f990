/* src/nix/builtins.c: the one place every builtins_*.c file is registered from.
 *
 * Owns: the order of registration. Each file exposes `void builtins_X_register(struct
 * eval_state *)`; add one line below (and the file to src/nix/meson.build). Builtins written
 * in Nix (eval_register_nix) see everything registered before them, so register those last. */
#include "nix/builtins_extra.h"
#include "nix/builtins_pkgs.h"
#include "nix/builtins_store.h"
#include "nix/eval.h"

void builtins_register_all(struct eval_state *st) {
    builtins_core_register(st);
    builtins_store_register(st); /* derivationStrict, toFile, contexts */
    builtins_extra_register(st); /* builtins helper: the rest of Nix's builtins */
    builtins_pkgs_register(st);  /* pkgs helper: host package names */
}

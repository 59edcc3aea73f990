/* src/nix/builtins_store.h: the builtins that touch the store (see builtins_store.c). */
#ifndef HEARTH_NIX_BUILTINS_STORE_H
#define HEARTH_NIX_BUILTINS_STORE_H

struct eval_state;

/* Registers derivationStrict, derivation, toFile, storePath, placeholder, path, filterSource,
 * the string context builtins, hashString and hashFile, and installs the hook that copies
 * paths to the store when they are coerced to strings. */
void builtins_store_register(struct eval_state *st);

#endif

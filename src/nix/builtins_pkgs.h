/* src/nix/builtins_pkgs.h: builtins for pkgs (see builtins_pkgs.c). */
#ifndef HEARTH_NIX_BUILTINS_PKGS_H
#define HEARTH_NIX_BUILTINS_PKGS_H

struct eval_state;

/* Registers builtins.hearthHostNames. */
void builtins_pkgs_register(struct eval_state *st);

#endif

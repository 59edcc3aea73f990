/* builtins_fetch: the fetchers (fetchurl, fetchTarball, fetchGit, fetchMercurial, fetchTree)
 * for local sources only: hearth never uses the network. See builtins_fetch.c. */
#ifndef HEARTH_NIX_BUILTINS_FETCH_H
#define HEARTH_NIX_BUILTINS_FETCH_H

struct eval_state;

void builtins_fetch_register(struct eval_state *st);

#endif

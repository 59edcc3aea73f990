/* builtins_extra: registration of the builtins outside the evaluator core and the store, one
 * function per file (builtins_lists.c, builtins_attrs.c, ...). builtins_extra_register calls
 * them all; the evaluator calls it from builtins_register_all. */
#ifndef HEARTH_NIX_BUILTINS_EXTRA_H
#define HEARTH_NIX_BUILTINS_EXTRA_H

#include "nix/eval.h"

#include <stddef.h>

void builtins_extra_register(struct eval_state *st);
/* Frees what these builtins keep outside the GC heap (compiled regular expressions). Call once
 * a state is no longer used: LeakSanitizer cannot see pointers held in GC memory. */
void builtins_extra_release(struct eval_state *st);

/* builtins.toJSON's rendering of `v` (forced deeply as it goes), appended to `out`; string
 * contexts are added to `ctx`. For `--json` output too. */
void builtins_value_to_json(struct eval_state *st, struct value *v, struct strbuf *out,
                            struct ctx_buf *ctx, nix_pos pos);

/* Throws `msg` at `pos` with one trace frame (frame_pos, frame_msg) innermost, as Nix does for
 * errors it annotates ("while decoding a JSON string"): without --show-trace the frame shows
 * as the "(use '--show-trace' ...)" line. */
__attribute__((noreturn)) void builtins_throw_with_frame(struct eval_state *st, nix_pos pos,
                                                         const char *msg, nix_pos frame_pos,
                                                         const char *frame_msg);

/* A path argument of a builtin that reads the file system (readFile, readDir, scopedImport...)
 * coerced to an absolute path; on error Nix adds the frame "while realising the context of a
 * path" at `pos`, and so does this. */
const char *builtins_realise_path(struct eval_state *st, struct value *v, nix_pos pos);
/* For a value `v` already coerced to `path`: fails as Nix does ("path '….drv' is not valid") when
 * its context names a derivation output that is not in the store (hearth never builds during
 * evaluation). */
void builtins_check_outputs(struct eval_state *st, struct value *v, const char *path);

/* Adds a trace frame to a caught error, below the `outer` outermost frames it already has. */
void builtins_error_add_frame(struct nix_error *e, size_t outer, nix_pos pos, const char *msg);

void builtins_lists_register(struct eval_state *st);
void builtins_attrs_register(struct eval_state *st);
void builtins_strings_register(struct eval_state *st);
void builtins_regex_register(struct eval_state *st);
void builtins_math_register(struct eval_state *st);
void builtins_json_register(struct eval_state *st);
void builtins_toml_register(struct eval_state *st);
void builtins_xml_register(struct eval_state *st);
void builtins_fs_register(struct eval_state *st);
void builtins_misc_register(struct eval_state *st);
void builtins_scoped_register(struct eval_state *st);
void builtins_hash_register(struct eval_state *st);

#endif

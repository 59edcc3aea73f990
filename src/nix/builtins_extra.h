/* builtins_extra: registration of the builtins outside the evaluator core and the store, one
 * function per file (builtins_lists.c, builtins_attrs.c, ...). builtins_extra_register calls
 * them all; the evaluator calls it from builtins_register_all. */
#ifndef HEARTH_NIX_BUILTINS_EXTRA_H
#define HEARTH_NIX_BUILTINS_EXTRA_H

struct eval_state;

void builtins_extra_register(struct eval_state *st);

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

#endif

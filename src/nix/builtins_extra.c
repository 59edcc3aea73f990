/* builtins_extra: see builtins_extra.h. */
#include "nix/builtins_extra.h"

void builtins_extra_register(struct eval_state *st) {
    builtins_lists_register(st);
    builtins_attrs_register(st);
    builtins_strings_register(st);
    builtins_regex_register(st);
    builtins_math_register(st);
    builtins_json_register(st);
    builtins_toml_register(st);
    builtins_xml_register(st);
    builtins_fs_register(st);
    builtins_misc_register(st);
}

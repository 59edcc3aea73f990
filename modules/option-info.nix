# What `hearth option NAME` prints about one option, in nixos-option's layout (the layout
# `home-manager option` uses): Value, Default, Type, Description, Declared by, Defined by,
# each a heading followed by its text and a blank line. A name that is a set of options
# lists the names under it; a name that is nothing is `null` (the command says so).
{ lib, options, config }:

name:
let
  path = lib.splitString "." name;
  # No name: the whole set, as `home-manager option` (nixos-option) with no argument lists it.
  found = if name == "" then options else lib.attrByPath path null options;
  pretty = v:
    let r = builtins.tryEval (lib.generators.toPretty { } v);
    in if r.success then r.value else "«error»";
  section = title: text: "${title}:\n${text}\n\n";
  files = fs: lib.concatMapStrings (f: "  ${builtins.toJSON (toString f)}\n") fs;
in
if found == null then null
else if lib.isOption found then
  let
    value = builtins.tryEval (lib.attrByPath path null config);
  in
  section "Value" (if value.success then pretty value.value else "«no value defined»")
  + lib.optionalString (found ? defaultText || found ? default) (section "Default"
    (if found ? defaultText then
      (if builtins.isAttrs found.defaultText && found.defaultText ? text then found.defaultText.text else pretty found.defaultText)
    else pretty found.default))
  + section "Type" (builtins.toJSON found.type.description)
  + lib.optionalString (found ? example) (section "Example"
    (if builtins.isAttrs found.example && found.example ? text then found.example.text else pretty found.example))
  + section "Description" (lib.removeSuffix "\n" (found.description or "This option has no description."))
  + "Declared by:\n" + files (found.declarations or [ ]) + "\n"
  + "Defined by:\n" + files (found.files or [ ])
else if builtins.isAttrs found then
  # nixos-option leaves out names starting with `_` (`_module`).
  "This attribute set contains:\n" + lib.concatMapStrings (n: "${n}\n")
    (builtins.filter (n: !lib.hasPrefix "_" n) (builtins.attrNames found))
else null

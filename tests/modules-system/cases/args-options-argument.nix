# source: NixOS manual, Writing NixOS Modules: modules receive `options`, whose entries tell whether an option is defined
# expect: { defined = true; undefinedIsDefined = false; }
with import ../harness.nix;
(config [
  { options.a = mkOption { type = types.int; }; options.b = mkOption { type = types.int; };
    options.report = mkOption { type = types.attrs; }; }
  { a = 1; }
  ({ options, ... }: { report = { defined = options.a.isDefined; undefinedIsDefined = options.b.isDefined; }; })
]).report

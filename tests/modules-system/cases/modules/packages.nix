# Declares the `packages` list used by the import cases.
{ lib, ... }:
{
  options.packages = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
}

# A module file that takes a static argument first (for importApply).
arg: { lib, ... }: {
  options.label = lib.mkOption { type = lib.types.str; default = arg; };
}

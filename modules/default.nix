# hearth's entry to Home Manager's modules: evaluates a configuration.
#
# Arguments: `configuration` (a path, a module, or a list of modules), `pkgs` (default: our
# pkgs, with nixpkgs.config and nixpkgs.overlays), `extraSpecialArgs`, `osConfig` (when there is a host system), `check`.
# Returns the evalModules result with:
#   activationSpec  the generation spec JSON after the checks: failed assertions throw
#                   "\nFailed assertions:\n- MSG..." (every message), warnings are traced as
#                   Home Manager traces them;
#   news READIDS    the relevant news (READIDS: the text of news-read-ids) as JSON:
#                   { display, all, unread, unreadIds }: `all` and `unread` are the texts
#                   `home-manager news` shows, in Home Manager's layout;
#   optionInfo      NAME -> what `hearth option NAME` prints.
{ configuration
, lib ? import ../lib
, pkgs ? null
, extraSpecialArgs ? { }
, osConfig ? null
, check ? true
, ...
}:

let
  modules = import ./modules.nix;

  evaluated = lib.evalModules {
    modules = modules ++ (if builtins.isList configuration then configuration else [ configuration ]) ++ [{
      _module.check = check;
    }
      # pkgs with nixpkgs.config and nixpkgs.overlays applied, as Home Manager imports nixpkgs
      # with them; a pkgs given by the caller gets the overlays through appendOverlays.
      ({ config, ... }: {
        _module.args.pkgs = lib.mkDefault (
          let
            np = config.nixpkgs;
            overlays = if np.overlays == null then [ ] else np.overlays;
          in
          if pkgs == null then
            import ../pkgs ({ inherit lib overlays; system = np.system; }
              // lib.optionalAttrs (np.config != null) { inherit (np) config; })
          else if overlays == [ ] then pkgs
          else pkgs.appendOverlays overlays);
      })];
    specialArgs = { modulesPath = toString ./.; } // lib.optionalAttrs (osConfig != null) { inherit osConfig; }
      // extraSpecialArgs;
  };

  cfg = evaluated.config;

  failed = map (a: a.message) (builtins.filter (a: !a.assertion) cfg.assertions);

  withWarnings = x: lib.foldr (w: acc: builtins.trace "[1;31mwarning: ${w}[0m" acc) x cfg.warnings;

  checked = x:
    if failed != [ ] then
      throw "\nFailed assertions:\n${lib.concatMapStringsSep "\n" (m: "- ${m}") failed}"
    else withWarnings x;
in
evaluated // {
  activationSpec = checked cfg.home.generationSpec;
  news = readIds: import ./news-render.nix { inherit lib; inherit (cfg.news) display entries; } readIds;
  optionInfo = import ./option-info.nix { inherit lib; inherit (evaluated) options; config = cfg; };
}

# news: Home Manager's news entries and how they are shown.
#
# Owns: `news.display` ("silent", "notify", "show"), `news.entries` (id, time, condition,
# message; the id defaults to the sha256 of the message, as Home Manager's), and
# `news.json.output`, the relevant entries (condition true) the command line reads for
# `news` and for the notice after `switch`.
{ config, lib, ... }:

let
  inherit (lib) mkOption types;
  cfg = config.news;

  entryModule = types.submodule ({ config, ... }: {
    options = {
      id = mkOption {
        internal = true;
        type = types.str;
        description = "A unique entry identifier. By default it is a hash of the message.";
      };
      time = mkOption {
        internal = true;
        type = types.str;
        example = "2017-07-10T21:55:04+00:00";
        description = "News entry time stamp in ISO-8601 format.";
      };
      condition = mkOption {
        internal = true;
        default = true;
        description = "Whether the news entry should be active.";
      };
      message = mkOption {
        internal = true;
        type = types.str;
        description = "The news entry content.";
      };
    };
    config.id = lib.mkDefault (builtins.hashString "sha256" config.message);
  });
in
{
  options.news = {
    display = mkOption {
      type = types.enum [ "silent" "notify" "show" ];
      default = "notify";
      description = ''
        How unread and relevant news should be presented when running {command}`home-manager
        build` and {command}`home-manager switch`: `silent` says nothing, `notify` prints how
        many there are, `show` shows them.
      '';
    };

    json = mkOption {
      type = types.attrsOf types.unspecified;
      internal = true;
      default = { };
      description = "The news, as the command line reads them.";
    };

    entries = mkOption {
      internal = true;
      type = types.listOf entryModule;
      default = [ ];
      description = "News entries.";
    };
  };

  config.news.json.output = {
    inherit (cfg) display;
    entries = map (e: { inherit (e) id time message; })
      (builtins.filter (e: e.condition) cfg.entries);
  };
}

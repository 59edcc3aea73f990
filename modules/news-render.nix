# The text `hearth news` shows, in Home Manager's layout: the relevant entries, newest first,
# separated by a blank line, each
#
#   * YYYY-MM-DD HH:MM:SS [read|unread]
#
#     MESSAGE (every line indented by two spaces)
#
# (both lists flag each entry, as Home Manager's layoutNews does), and which entries are unread given the read ids (one per
# line, as Home Manager keeps them in $XDG_DATA_HOME/home-manager/news-read-ids).
{ lib, display, entries }:

readIdsText:
let
  readIds = lib.splitString "\n" readIdsText;
  isRead = e: builtins.elem e.id readIds;
  relevant = builtins.sort (a: b: a.time > b.time) (builtins.filter (e: e.condition) entries);
  unread = builtins.filter (e: !isRead e) relevant;
  time = e: builtins.replaceStrings [ "T" ] [ " " ] (lib.removeSuffix "+00:00" e.time);
  indent = builtins.replaceStrings [ "\n" ] [ "\n  " ];
  render = e: ''
    * ${time e} ${if isRead e then "[read]" else "[unread]"}

      ${indent e.message}
  '';
in
builtins.toJSON {
  inherit display;
  all = lib.concatMapStringsSep "\n\n" render relevant;
  unread = lib.concatMapStringsSep "\n\n" render unread;
  unreadIds = map (e: e.id) unread;
}

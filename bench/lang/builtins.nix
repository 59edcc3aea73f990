# The builtins of builtins_*.c on bulk data: sort, genericClosure, groupBy, toJSON/fromJSON,
# split/match, replaceStrings, fromTOML, toXML.
let
  n = 20000;
  nums = builtins.genList (i: (i * 7919) - (i / 13) * 100000) n;
  sorted = builtins.sort builtins.lessThan nums;
  sortedLambda = builtins.sort (a: b: a > b) nums;
  closure = builtins.genericClosure {
    startSet = [ { key = 0; } ];
    operator = x: if x.key < n then [ { key = x.key + 1; } { key = x.key / 2; } ] else [ ];
  };
  groups = builtins.groupBy (x: toString (x - (x / 7) * 7)) (builtins.genList (i: i) n);
  records = builtins.genList (i: { id = i; name = "item-${toString i}"; tags = [ "a" "b" ]; w = 1.5; }) 5000;
  json = builtins.toJSON records;
  back = builtins.fromJSON json;
  csv = builtins.concatStringsSep "," (builtins.genList toString n);
  parts = builtins.split "," csv;
  matches = builtins.filter (s: builtins.match "[0-9]*7" s != null) (builtins.genList toString n);
  replaced = builtins.replaceStrings [ "1" "22" "" ] [ "one" "x" "" ] csv;
  toml = builtins.fromTOML (builtins.concatStringsSep "\n" (builtins.genList (i: "[t${toString i}]\na = ${toString i}\nb = \"s\"\nc = [1, 2.5]") 2000));
  xml = builtins.toXML (builtins.genList (i: { a = i; b = "x"; }) 2000);
in
[
  (builtins.elemAt sorted 0)
  (builtins.elemAt sortedLambda 0)
  (builtins.length closure)
  (builtins.length (builtins.attrNames groups))
  (builtins.length back)
  (builtins.length parts)
  (builtins.length matches)
  (builtins.stringLength replaced)
  (builtins.length (builtins.attrNames toml))
  (builtins.stringLength xml)
]

# GVariant values for dconf settings, as Home Manager's `lib.hm.gvariant`.
#
# Owns: the GVariant type strings (type.string = "s", type.arrayOf t = "a"+t,
# ...), the value constructors (mkBoolean ... mkDouble, mkArray, mkEmptyArray,
# mkMaybe/mkNothing/mkJust, mkTuple, mkVariant, mkDictionaryEntry), mkValue
# (the GVariant closest to a plain Nix value) and rendering: every value has
# `__toString` giving dconf's text form, e.g. "@u 42", "'it\\'s'",
# "@as ['a','b']", "@(si) ('a',1)", "@ms nothing", "just 'x'".
#
# Values are sets `{ _type = "gvariant"; type; value; __toString; }`; plain
# booleans, 32-bit ints, floats and strings render without a type
# annotation, as GVariant's parser infers them.
{ lib }:

let
  inherit (builtins)
    concatStringsSep head isAttrs isBool isFloat isInt isList isString map
    replaceStrings substring;

  # A value rendered as "@TYPE VALUE".
  primitive = t: v: {
    _type = "gvariant";
    type = t;
    value = v;
    __toString = self: "@${self.type} ${toString self.value}";
  };

  join = vs: concatStringsSep "," (map toString vs);

  maybe = elemType: elem: primitive (type.maybeOf elemType) elem // {
    __toString = self:
      if self.value == null then "@${self.type} nothing" else "just ${toString self.value}";
  };

  type = {
    arrayOf = t: "a${t}";
    maybeOf = t: "m${t}";
    tupleOf = ts: "(${concatStringsSep "" ts})";
    dictionaryEntryOf = ts: "{${concatStringsSep "" ts}}";
    string = "s";
    boolean = "b";
    uchar = "y";
    int16 = "n";
    uint16 = "q";
    int32 = "i";
    uint32 = "u";
    int64 = "x";
    uint64 = "t";
    double = "d";
    variant = "v";
  };

  # The GVariant type of a Nix value, "" when it has none.
  typeOf = v:
    if isBool v then type.boolean
    else if isInt v then type.int32
    else if isFloat v then type.double
    else if isString v then type.string
    else if isList v then
      let e = elemTypeOf v; in if e == "" then "" else type.arrayOf e
    else if isAttrs v && v ? type then v.type
    else "";

  elemTypeOf = vs: if isList vs && vs != [ ] then typeOf (head vs) else "";

  startsWith = p: s: substring 0 (builtins.stringLength p) s == p;
in
rec {
  inherit type typeOf;

  isGVariant = v: (v._type or "") == "gvariant";
  isArray = startsWith "a";
  isDictionaryEntry = startsWith "{";
  isMaybe = startsWith "m";
  isTuple = startsWith "(";

  mkValue = v:
    if isBool v then mkBoolean v
    else if isInt v then mkInt32 v
    else if isFloat v then mkDouble v
    else if isString v then mkString v
    else if isList v then
      if v == [ ] then mkArray type.string [ ] else mkArray (elemTypeOf v) v
    else if isAttrs v && (v._type or "") == "gvariant" then v
    else null;

  mkArray = elemType: elems: primitive (type.arrayOf elemType) (map mkValue elems) // {
    __toString = self: "@${self.type} [${join self.value}]";
  };

  mkEmptyArray = elemType: mkArray elemType [ ];

  mkVariant = elem: primitive type.variant (mkValue elem) // {
    __toString = self: "@${self.type} <${toString self.value}>";
  };

  mkDictionaryEntry = elems:
    let vs = map mkValue elems; in
    primitive (type.dictionaryEntryOf (map (e: e.type) vs)) vs // {
      __toString = self: "@${self.type} {${join self.value}}";
    };

  mkMaybe = maybe;
  mkNothing = elemType: maybe elemType null;
  mkJust = elem: let v = mkValue elem; in maybe v.type v;

  mkTuple = elems:
    let vs = map mkValue elems; in
    primitive (type.tupleOf (map (e: e.type) vs)) vs // {
      __toString = self: "@${self.type} (${join self.value})";
    };

  mkBoolean = v: primitive type.boolean v // {
    __toString = self: if self.value then "true" else "false";
  };

  # Single quotes and backslashes escaped, newlines written as \n.
  mkString = v: primitive type.string v // {
    __toString = self:
      "'${replaceStrings [ "\n" ] [ "\\n" ] (replaceStrings [ "'" "\\" ] [ "\\'" "\\\\" ] self.value)}'";
  };

  mkObjectpath = v: primitive type.string v // {
    __toString = self: "objectpath '${replaceStrings [ "'" ] [ "\\'" ] self.value}'";
  };

  mkUchar = primitive type.uchar;
  mkInt16 = primitive type.int16;
  mkUint16 = primitive type.uint16;
  mkInt32 = v: primitive type.int32 v // { __toString = self: toString self.value; };
  mkUint32 = primitive type.uint32;
  mkInt64 = primitive type.int64;
  mkUint64 = primitive type.uint64;
  mkDouble = v: primitive type.double v // { __toString = self: toString self.value; };
}

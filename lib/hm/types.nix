# Option types of Home Manager's `lib.hm.types`.
#
# Owns: dagOf (an attribute set of DAG entries; a plain value is an entry
# that may go anywhere), gvariant (dconf values: definitions become GVariant
# values; arrays concatenate, strings and doubles must agree, other kinds
# take a single definition), selectorFunction, overlayFunction, fontType,
# nushellValue, sourceFile and sourceFileOrLines.
{ lib, dag, gvariant }:

let
  inherit (builtins) all concatLists foldl' head isFunction map;
  inherit (lib.options)
    getFiles getValues mergeDefaultOption mergeOneOption mkOption showFiles showOption;
  t = lib.types;
  # The GVariant library; the name `gvariant` is the option type below.
  gv = gvariant;

  # One DAG entry: the value (or a bare value made an entry) evaluated as a
  # submodule with data/after/before, so that the element type checks data.
  dagEntryOf = elemType:
    let
      entryModule = t.submodule ({ name, ... }: {
        options = {
          data = mkOption { type = elemType; };
          after = mkOption { type = t.listOf t.str; };
          before = mkOption { type = t.listOf t.str; };
        };
        config = lib.modules.mkIf (elemType.name == "submodule") {
          data._module.args.dagName = name;
        };
      });
      asEntry = def:
        if dag.isEntry def.value then def.value
        else dag.entryAnywhere (if def ? priority then lib.modules.mkOrder def.priority def.value else def.value);
    in
    t.mkOptionType {
      name = "dagEntryOf";
      description = "DAG entry of ${elemType.description}";
      merge = loc: defs: entryModule.merge loc (map (def: { inherit (def) file; value = asEntry def; }) defs);
    };
in
rec {
  dagOf = elemType:
    let asAttrs = t.attrsOf (dagEntryOf elemType); in
    t.mkOptionType {
      name = "dagOf";
      description = "DAG of ${elemType.description}";
      inherit (asAttrs) check merge emptyValue;
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<name>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: dagOf (elemType.substSubModules m);
      functor = t.defaultFunctor "dagOf" // { wrapped = elemType; type = dagOf; };
      nestedTypes.elemType = elemType;
    };

  selectorFunction = t.mkOptionType {
    name = "selectorFunction";
    description = "Function that takes an attribute set and returns a list"
      + " containing a selection of the values of the input set";
    check = isFunction;
    merge = loc: defs: as: concatLists (map (select: select as) (getValues defs));
  };

  overlayFunction = t.mkOptionType {
    name = "overlayFunction";
    description = "An overlay function, takes self and super and returns"
      + " an attribute set overriding the desired attributes.";
    check = isFunction;
    merge = loc: defs: self: super: foldl' (res: def: res // def.value self super) { } defs;
  };

  fontType = t.submodule {
    options = {
      package = mkOption {
        type = t.nullOr t.package;
        default = null;
        example = lib.options.literalExpression "pkgs.dejavu_fonts";
        description = "Package providing the font. This package will be installed to your profile. If `null` then the font is assumed to already be available in your profile.";
      };
      name = mkOption {
        type = t.str;
        example = "DejaVu Sans";
        description = "The family name of the font within the package.";
      };
      size = mkOption {
        type = t.nullOr t.number;
        default = null;
        example = "8";
        description = "The size of the font.";
      };
    };
  };

  # A value for Nushell configuration: scalars, paths, sets and lists of
  # them, or inline Nushell code (`{ _type = "nushell-inline"; ... }`).
  nushellValue =
    let
      valueType = t.nullOr (t.oneOf [
        (t.mkOptionType {
          name = "nushell";
          description = "Nushell inline value";
          descriptionClass = "name";
          check = v: (v._type or null) == "nushell-inline";
        })
        t.bool t.int t.float t.str t.path
        (t.attrsOf valueType // { description = "attribute set of Nushell values"; descriptionClass = "name"; })
        (t.listOf valueType // { description = "list of Nushell values"; descriptionClass = "name"; })
      ]);
    in
    valueType;

  # A file for `targetDir`: either linked from `source` (a directory source
  # is linked as the whole directory) or written from `text`.
  sourceFile = targetDir: fileName:
    let targetFile = "${targetDir}/${fileName}"; in
    t.submodule ({ config, ... }: {
      options = {
        target = mkOption { type = t.singleLineStr; internal = true; readOnly = true; };
        source = mkOption {
          type = t.nullOr t.path;
          default = null;
          description = "The path to be linked to `${targetDir}` if {option}`source` is a directory, or to `${targetFile}` if it is a file.";
        };
        text = mkOption {
          type = t.lines;
          default = "";
          description = "Text to be included in `${targetFile}`.";
        };
        recursive = lib.options.mkEnableOption "Whether to recursively link files from {option}`source` (if it is a directory) in `${targetDir}`.\n";
      };
      config.target =
        if config.source != null && builtins.pathExists (toString config.source + "/.") then targetDir else targetFile;
    });

  # Like sourceFile, but a plain string is the file's text.
  sourceFileOrLines = targetDir: fileName:
    let fileType = sourceFile targetDir fileName; in
    t.either t.lines fileType // {
      merge = loc: defs: fileType.merge loc (map (def:
        if t.lines.check def.value
        then { inherit (def) file; value = { text = def.value; source = null; recursive = false; }; }
        else def) defs);
    };

  gvariant = t.mkOptionType rec {
    name = "gvariant";
    description = "GVariant value";
    check = v: gv.mkValue v != null;
    merge = loc: defs:
      let
        vdefs = map (d: d // { value = if gv.isGVariant d.value then d.value else gv.mkValue d.value; }) defs;
        vals = map (d: d.value) vdefs;
        types = map (v: v.type) vals;
        shared = foldl' (a: b: if a == b then b else null) (head types) types;
        checked = all check vals;
      in
      if shared == null then
        throw ("Cannot merge definitions of `${showOption loc}' with mismatched GVariant types given in ${showFiles (getFiles defs)}.")
      else if gv.isArray shared && checked then
        gv.mkValue ((t.listOf gvariant).merge loc (map (d: d // { inherit (d.value) value; }) vdefs)) // { type = shared; }
      else if (gv.isTuple shared || gv.isMaybe shared || gv.isDictionaryEntry shared
        || shared == gv.type.variant) && checked then mergeOneOption loc defs
      else if shared == gv.type.string && checked then t.str.merge loc defs
      else if shared == gv.type.double && checked then t.float.merge loc defs
      else mergeDefaultOption loc defs;
  };
}

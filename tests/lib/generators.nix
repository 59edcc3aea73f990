# lib.generators and lib.cli.  Expected values come from the documentation
# of nixpkgs lib (26.11) in the nixpkgs manual's "lib.generators" reference
# (doc examples and the format each function documents), and, for toPlist,
# from the plist Home Manager's launchd module documents in its test
# expectations (tests/modules/launchd/expected-agent.plist).  Written by hand.
{ lib }:
with lib;
let
  t = name: expr: expected: { inherit name expr expected; };
  g = lib.generators;
  plistHead = ''
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
    <plist version="1.0">
  '';
in
[
  # manual lib.generators.mkValueStringDefault: ints, strings, bools, null
  (t "mkValueStringDefault-int" (g.mkValueStringDefault { } 42) "42")
  (t "mkValueStringDefault-string" (g.mkValueStringDefault { } "hi there") "hi there")
  (t "mkValueStringDefault-true" (g.mkValueStringDefault { } true) "true")
  (t "mkValueStringDefault-false" (g.mkValueStringDefault { } false) "false")
  (t "mkValueStringDefault-null" (g.mkValueStringDefault { } null) "null")
  (t "mkValueStringDefault-drv" (g.mkValueStringDefault { } { type = "derivation"; outPath = "/nix/store/x"; }) "/nix/store/x")
  (t "mkValueStringDefault-float" (g.mkValueStringDefault { } 1.5) "1.500000")
  # manual lib.generators.mkKeyValueDefault example: mkKeyValueDefault {} ":" "f:oo" "bar" > "f\:oo:bar"
  (t "mkKeyValueDefault-example" (g.mkKeyValueDefault { } ":" "f:oo" "bar") "f\\:oo:bar")
  (t "mkKeyValueDefault-custom" (g.mkKeyValueDefault { mkValueString = v: "<${toString v}>"; } " = " "k" 1) "k = <1>")
  # manual lib.generators.toKeyValue: one `key=value` line per attribute
  (t "toKeyValue-basic" (g.toKeyValue { } { a = 1; b = "x"; c = true; }) "a=1\nb=x\nc=true\n")
  (t "toKeyValue-empty" (g.toKeyValue { } { }) "")
  (t "toKeyValue-sep" (g.toKeyValue { mkKeyValue = g.mkKeyValueDefault { } " = "; } { a = 1; }) "a = 1\n")
  (t "toKeyValue-duplicates" (g.toKeyValue { listsAsDuplicateKeys = true; } { k = [ 1 2 ]; j = 3; }) "j=3\nk=1\nk=2\n")
  (t "toKeyValue-indent" (g.toKeyValue { indent = "  "; } { a = 1; b = 2; }) "  a=1\n  b=2\n")
  # manual lib.generators.toINI example
  (t "toINI-example" (g.toINI { } { foo = { hi = "/nix/store/y93qql1p5ggfnaqjjqhxcw0vqw95rlz0-hello-2.10"; ciao = "bar"; }; baz = { "also, integers" = 42; }; })
    "[baz]\nalso, integers=42\n\n[foo]\nciao=bar\nhi=/nix/store/y93qql1p5ggfnaqjjqhxcw0vqw95rlz0-hello-2.10\n")
  (t "toINI-empty" (g.toINI { } { }) "")
  (t "toINI-section-escape" (g.toINI { } { "a[b]" = { k = 1; }; }) "[a\\[b\\]]\nk=1\n")
  (t "toINI-custom" (g.toINI { mkSectionName = toUpper; mkKeyValue = g.mkKeyValueDefault { } ": "; } { sec = { k = "v"; }; }) "[SEC]\nk: v\n")
  (t "toINI-duplicates" (g.toINI { listsAsDuplicateKeys = true; } { s = { k = [ "a" "b" ]; }; }) "[s]\nk=a\nk=b\n")
  (t "toINI-empty-section" (g.toINI { } { s = { }; }) "[s]\n")
  # manual lib.generators.toINIWithGlobalSection example
  (t "toINIWithGlobalSection-example" (g.toINIWithGlobalSection { } {
    globalSection = { someGlobalKey = "hi"; };
    sections = { foo = { hi = "/nix/store/y93qql1p5ggfnaqjjqhxcw0vqw95rlz0-hello-2.10"; ciao = "bar"; }; baz = { "also, integers" = 42; }; };
  }) "someGlobalKey=hi\n\n[baz]\nalso, integers=42\n\n[foo]\nciao=bar\nhi=/nix/store/y93qql1p5ggfnaqjjqhxcw0vqw95rlz0-hello-2.10\n")
  (t "toINIWithGlobalSection-no-global" (g.toINIWithGlobalSection { } { globalSection = { }; sections = { s = { a = 1; }; }; }) "[s]\na=1\n")
  (t "toINIWithGlobalSection-only-global" (g.toINIWithGlobalSection { } { globalSection = { a = 1; }; }) "a=1\n\n")
  # manual lib.generators.toGitINI example
  (t "toGitINI-example" (g.toGitINI { url."ssh://git@github.com/".insteadOf = "https://github.com"; user.name = "edolstra"; })
    "[url \"ssh://git@github.com/\"]\n\tinsteadOf = \"https://github.com\"\n\n[user]\n\tname = \"edolstra\"\n")
  # toGitINI: values are tab-indented, strings quoted and escaped, lists repeat the key
  (t "toGitINI-escape" (g.toGitINI { a.b = "x\"y\\z\n\t"; }) "[a]\n\tb = \"x\\\"y\\\\z\\n\\t\"\n")
  (t "toGitINI-types" (g.toGitINI { core = { bare = false; depth = 3; }; }) "[core]\n\tbare = false\n\tdepth = 3\n")
  (t "toGitINI-list" (g.toGitINI { remote.origin.fetch = [ "a" "b" ]; }) "[remote \"origin\"]\n\tfetch = \"a\"\n\tfetch = \"b\"\n")
  (t "toGitINI-deep" (g.toGitINI { a.b.c.d = 1; }) "[a \"b.c\"]\n\td = 1\n")
  (t "toGitINI-quoted-name" (g.toGitINI { "includeIf \"gitdir:~/w/\"".path = "x"; }) "[includeIf \"gitdir:~/w/\"]\n\tpath = \"x\"\n")
  # manual lib.generators.toJSON / toYAML: JSON text (YAML is a superset)
  (t "toJSON" (g.toJSON { } { a = [ 1 true null "s" ]; }) "{\"a\":[1,true,null,\"s\"]}")
  (t "toYAML" (g.toYAML { } { a = 1; }) "{\"a\":1}")
  # manual lib.generators.toPretty: Nix-like rendering of values
  (t "toPretty-int" (g.toPretty { } 1) "1")
  (t "toPretty-float" (g.toPretty { } 0.1) "0.1")
  (t "toPretty-string" (g.toPretty { } "hello") "\"hello\"")
  (t "toPretty-string-escapes" (g.toPretty { } "a\"b\\c\${d}") "\"a\\\"b\\\\c\\\${d}\"")
  (t "toPretty-multiline-string" (g.toPretty { } "line1\nline2") "''\n  line1\n  line2''")
  (t "toPretty-multiline-trailing-newline" (g.toPretty { } "a\nb\n") "''\n  a\n  b\n''")
  (t "toPretty-string-oneline-mode" (g.toPretty { multiline = false; } "a\nb") "\"a\\nb\"")
  (t "toPretty-true" (g.toPretty { } true) "true")
  (t "toPretty-null" (g.toPretty { } null) "null")
  (t "toPretty-empty-list" (g.toPretty { } [ ]) "[ ]")
  (t "toPretty-empty-set" (g.toPretty { } { }) "{ }")
  (t "toPretty-list" (g.toPretty { } [ 1 "a" ]) "[\n  1\n  \"a\"\n]")
  (t "toPretty-set" (g.toPretty { } { a = 1; b = [ 2 ]; }) "{\n  a = 1;\n  b = [\n    2\n  ];\n}")
  (t "toPretty-set-oneline" (g.toPretty { multiline = false; } { a = 1; b = [ 2 ]; }) "{ a = 1; b = [ 2 ]; }")
  (t "toPretty-quoted-name" (g.toPretty { } { "a b" = 1; }) "{\n  \"a b\" = 1;\n}")
  (t "toPretty-function" (g.toPretty { } (x: x)) "<function>")
  (t "toPretty-function-args" (g.toPretty { } ({ a, b ? 1 }: a)) "<function, args: {a, b?}>")
  (t "toPretty-derivation" (g.toPretty { } { type = "derivation"; name = "hello-2.12"; }) "<derivation hello-2.12>")
  (t "toPretty-pretty-values" (g.toPretty { allowPrettyValues = true; } { __pretty = v: "<<${toString v}>>"; val = 5; }) "<<5>>")
  (t "toPretty-indent" (g.toPretty { indent = "  "; } [ 1 ]) "[\n    1\n  ]")
  (t "toPretty-path" (g.toPretty { } /etc) "/etc")
  # manual lib.generators.toPlist: the Apple plist format (launchd agents)
  (t "toPlist-launchd-agent" (g.toPlist { escape = true; } {
    KeepAlive = { Crashed = true; SuccessfulExit = false; };
    Label = "org.nix-community.home.test-service";
    ProcessType = "Background";
    ProgramArguments = [ "/some/command" "--with-arguments" "foo" ];
  }) (plistHead + ''
    <dict>
    	<key>KeepAlive</key>
    	<dict>
    		<key>Crashed</key>
    		<true/>
    		<key>SuccessfulExit</key>
    		<false/>
    	</dict>
    	<key>Label</key>
    	<string>org.nix-community.home.test-service</string>
    	<key>ProcessType</key>
    	<string>Background</string>
    	<key>ProgramArguments</key>
    	<array>
    		<string>/some/command</string>
    		<string>--with-arguments</string>
    		<string>foo</string>
    	</array>
    </dict>
    </plist>''))
  (t "toPlist-scalars" (g.toPlist { escape = true; } { i = 3; f = 2.5; s = "a<b&c"; }) (plistHead + ''
    <dict>
    	<key>f</key>
    	<real>2.500000</real>
    	<key>i</key>
    	<integer>3</integer>
    	<key>s</key>
    	<string>a&lt;b&amp;c</string>
    </dict>
    </plist>''))
  (t "toPlist-null-and-module-dropped" (g.toPlist { escape = true; } { a = null; _module = { x = 1; }; b = 1; }) (plistHead + ''
    <dict>
    	<key>b</key>
    	<integer>1</integer>
    </dict>
    </plist>''))
  (t "toPlist-escape-key" (g.toPlist { escape = true; } { "a&b" = "x"; }) (plistHead + ''
    <dict>
    	<key>a&amp;b</key>
    	<string>x</string>
    </dict>
    </plist>''))
  (t "toPlist-nested-array" (g.toPlist { escape = true; } [ [ 1 ] { } ]) (plistHead + ''
    <array>
    	<array>
    		<integer>1</integer>
    	</array>
    	<dict>

    	</dict>
    </array>
    </plist>''))
  (t "toPlist-top-string" (g.toPlist { escape = true; } "x") (plistHead + "<string>x</string>\n</plist>"))
  # manual lib.generators.toLua example
  (t "toLua-example" (g.toLua { } {
    cmd = [ "typescript-language-server" "--stdio" ];
    settings.workspace.library = g.mkLuaInline ''vim.api.nvim_get_runtime_file("", true)'';
  }) ''
    {
      ["cmd"] = {
        "typescript-language-server",
        "--stdio"
      },
      ["settings"] = {
        ["workspace"] = {
          ["library"] = (vim.api.nvim_get_runtime_file("", true))
        }
      }
    }'')
  (t "toLua-null" (g.toLua { } null) "nil")
  (t "toLua-scalars" (g.toLua { } [ 1 true "s" ]) "{\n  1,\n  true,\n  \"s\"\n}")
  (t "toLua-empty" (g.toLua { } [ ]) "{}")
  (t "toLua-empty-set" (g.toLua { } { }) "{}")
  (t "toLua-oneline" (g.toLua { multiline = false; } { a = [ 1 2 ]; }) "{ [\"a\"] = { 1, 2 } }")
  (t "toLua-bindings" (g.toLua { asBindings = true; } { a = 1; b.c = "x"; }) "a = 1\nb = {\n  [\"c\"] = \"x\"\n}\n")
  (t "toLua-inline" (g.toLua { } (g.mkLuaInline "f()")) "(f())")
  # manual lib.generators.toDhall: Dhall notation, ints as +N
  (t "toDhall" (g.toDhall { } { a = 1; b = [ true false ]; c = "s"; d = -2; }) "{ a = +1, b = [ True, False ], c = \"s\", d = -2 }")
  # manual lib.generators.withRecursion: values deeper than the limit become "<unevaluated>"
  (t "withRecursion" (g.withRecursion { depthLimit = 2; throwOnDepthLimit = false; } { a = { b = 1; }; c = 2; }) { a = { b = "<unevaluated>"; }; c = 2; })

  # ---- lib.cli ----
  # manual lib.cli.toGNUCommandLine example
  (t "toGNUCommandLine-example" (cli.toGNUCommandLine { } {
    data = builtins.toJSON { id = 0; };
    X = "PUT";
    retry = 3;
    retry-delay = null;
    url = [ "https://example.com/foo" "https://example.com/bar" ];
    silent = false;
    verbose = true;
  }) [ "-X" "PUT" "--data" "{\"id\":0}" "--retry" "3" "--url" "https://example.com/foo" "--url" "https://example.com/bar" "--verbose" ])
  # manual lib.cli.toGNUCommandLineShell example
  (t "toGNUCommandLineShell-example" (cli.toGNUCommandLineShell { } {
    data = builtins.toJSON { id = 0; };
    X = "PUT";
    retry = 3;
    retry-delay = null;
    url = [ "https://example.com/foo" "https://example.com/bar" ];
    silent = false;
    verbose = true;
  }) "-X PUT --data '{\"id\":0}' --retry 3 --url https://example.com/foo --url https://example.com/bar --verbose")
  (t "toGNUCommandLine-separator" (cli.toGNUCommandLine { optionValueSeparator = "="; } { level = 3; }) [ "--level=3" ])
]

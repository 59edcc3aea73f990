# lib.path and lib.path.subpath.  Expected values come from the doc comment
# examples of nixpkgs lib (26.11) in the nixpkgs manual's "lib.path"
# reference (cited per case).
{ lib }:
let
  t = name: expr: expected: { inherit name expr expected; };
  p = lib.path;
  # Path values would be copied to the store by toJSON: compare as strings.
  shown = r: r // { root = toString r.root; };
  fails = e: !(builtins.tryEval e).success;
in
[
  # manual lib.path.append examples
  (t "append-simple" (toString (p.append /foo "bar/baz")) "/foo/bar/baz")
  (t "append-normalises" (toString (p.append /foo "./bar//baz/./")) "/foo/bar/baz")
  (t "append-root" (toString (p.append /. "foo/bar")) "/foo/bar")
  (t "append-absolute-fails" (fails (p.append /foo "/bar")) true)
  (t "append-string-fails" (fails (p.append "/foo" "bar")) true)
  # manual lib.path.hasPrefix examples
  (t "hasPrefix-child" (p.hasPrefix /foo /foo/bar) true)
  (t "hasPrefix-same" (p.hasPrefix /foo /foo) true)
  (t "hasPrefix-parent" (p.hasPrefix /foo/bar /foo) false)
  (t "hasPrefix-root" (p.hasPrefix /. /foo) true)
  (t "hasPrefix-component-wise" (p.hasPrefix /foo /foobar) false)
  # manual lib.path.removePrefix examples
  (t "removePrefix-child" (p.removePrefix /foo /foo/bar/baz) "./bar/baz")
  (t "removePrefix-same" (p.removePrefix /foo /foo) "./.")
  (t "removePrefix-not-prefix" (fails (p.removePrefix /foo/bar /foo)) true)
  (t "removePrefix-root" (p.removePrefix /. /foo) "./foo")
  # manual lib.path.splitRoot examples
  (t "splitRoot-path" (shown (p.splitRoot /foo/bar)) { root = "/"; subpath = "./foo/bar"; })
  (t "splitRoot-root" (shown (p.splitRoot /.)) { root = "/"; subpath = "./."; })
  (t "splitRoot-normalised" (shown (p.splitRoot /foo/../bar)) { root = "/"; subpath = "./bar"; })
  # manual lib.path.hasStorePathPrefix examples (relative to builtins.storeDir)
  (t "hasStorePathPrefix-store-path" (p.hasStorePathPrefix (/. + "${builtins.storeDir}/nvl9ic0pj1fpyln3zaqrf4cclbqdfn1j-foo/bar/baz")) true)
  (t "hasStorePathPrefix-storeDir" (p.hasStorePathPrefix (/. + builtins.storeDir)) false)
  (t "hasStorePathPrefix-other" (p.hasStorePathPrefix /home/user) false)
  # manual lib.path.subpath.isValid examples
  (t "isValid-null" (p.subpath.isValid null) false)
  (t "isValid-empty" (p.subpath.isValid "") false)
  (t "isValid-absolute" (p.subpath.isValid "/foo") false)
  (t "isValid-dotdot" (p.subpath.isValid "../foo") false)
  (t "isValid-plain" (p.subpath.isValid "foo/bar") true)
  (t "isValid-messy" (p.subpath.isValid "./foo//bar/") true)
  (t "isValid-inner-dotdot" (p.subpath.isValid "foo/../bar") false)
  (t "isValid-dots-in-name" (p.subpath.isValid "foo/..bar") true)
  # manual lib.path.subpath.join examples
  (t "join-two" (p.subpath.join [ "foo" "bar/baz" ]) "./foo/bar/baz")
  (t "join-messy" (p.subpath.join [ "./foo" "." "bar//./baz/" ]) "./foo/bar/baz")
  (t "join-empty" (p.subpath.join [ ]) "./.")
  (t "join-empty-string-fails" (fails (p.subpath.join [ "" ])) true)
  (t "join-absolute-fails" (fails (p.subpath.join [ "/foo" ])) true)
  # manual lib.path.subpath.components examples
  (t "components-dot" (p.subpath.components ".") [ ])
  (t "components-messy" (p.subpath.components "./foo//bar/./baz/") [ "foo" "bar" "baz" ])
  (t "components-absolute-fails" (fails (p.subpath.components "/foo")) true)
  # manual lib.path.subpath.normalise examples
  (t "normalise-double-slash" (p.subpath.normalise "foo//bar") "./foo/bar")
  (t "normalise-dot" (p.subpath.normalise "foo/./bar") "./foo/bar")
  (t "normalise-plain" (p.subpath.normalise "foo/bar") "./foo/bar")
  (t "normalise-trailing-slash" (p.subpath.normalise "foo/bar/") "./foo/bar")
  (t "normalise-trailing-dot" (p.subpath.normalise "foo/bar/.") "./foo/bar")
  (t "normalise-only-dot" (p.subpath.normalise ".") "./.")
  (t "normalise-dotdot-fails" (fails (p.subpath.normalise "foo/../bar")) true)
  (t "normalise-empty-fails" (fails (p.subpath.normalise "")) true)
  (t "normalise-absolute-fails" (fails (p.subpath.normalise "/foo")) true)
  # lib.sources.cleanSourceFilter (manual): drops VCS dirs, backups, result links
  (t "cleanSourceFilter-git" (lib.cleanSourceFilter "/src/.git" "directory") false)
  (t "cleanSourceFilter-backup" (lib.cleanSourceFilter "/src/file~" "regular") false)
  (t "cleanSourceFilter-result" (lib.cleanSourceFilter "/src/result" "symlink") false)
  (t "cleanSourceFilter-object" (lib.cleanSourceFilter "/src/a.o" "regular") false)
  (t "cleanSourceFilter-keep" (lib.cleanSourceFilter "/src/main.c" "regular") true)
]

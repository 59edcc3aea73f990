# lib.maintainers: nixpkgs' maintainer list is not shipped; modules that
# name maintainers only matter for documentation, which hearth does not
# generate from this set.
{ lib }:
{ }

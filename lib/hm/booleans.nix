# Boolean helpers of Home Manager's `lib.hm.booleans`.
#
# Owns: yesNo (true becomes "yes", false "no").
{ lib }:
{
  yesNo = value: if value then "yes" else "no";
}

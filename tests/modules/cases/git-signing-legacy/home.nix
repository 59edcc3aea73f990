# Before state version 25.05 the signing format defaults to openpgp, so every configuration
# names it and its program (Home Manager's git-without-signing-legacy test; the program is
# given here, as gpg need not be installed on the test machines). The old name gpgPath is
# signer's, with a warning.
{
  home.stateVersion = "24.05";
  programs.git = {
    enable = true;
    settings.user = {
      name = "John Doe";
      email = "user@example.org";
    };
    signing.gpgPath = "path-to-gpg";
  };
}

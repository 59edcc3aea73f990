# programs.git.signing with the ssh format (Home Manager's git-with-signing-key-id-ssh test):
# the key in [user], signing by default for commits and tags, the format and its program.
{
  programs.git = {
    enable = true;
    settings.user = {
      name = "John Doe";
      email = "user@example.org";
    };
    signing = {
      signByDefault = true;
      format = "ssh";
      signer = "path-to-ssh";
      key = "ssh-ed25519 ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/ user@example.org";
    };
  };
}

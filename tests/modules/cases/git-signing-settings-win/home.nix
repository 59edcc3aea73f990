# What signing writes is a default: the same keys in programs.git.settings win. signer
# defaults to the format's program (x509: gpgsm), here overridden by gpg.x509.program;
# signByDefault = false is written, null (the default) is not.
{
  programs.git = {
    enable = true;
    signing = {
      format = "x509";
      key = "0xAAAA";
      signByDefault = false;
    };
    settings = {
      user.signingKey = "0xBBBB";
      gpg.x509.program = "my-gpgsm";
      tag.gpgSign = true;
    };
  };
}

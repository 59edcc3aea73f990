# An argument fetchTarball does not know is named, at its position.
builtins.fetchTarball {
  url = "file:///nonexistent/x.tar.gz";
  sha265 = "0000000000000000000000000000000000000000000000000000";
}

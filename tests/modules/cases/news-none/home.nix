{ ... }: { news.display = "silent"; }

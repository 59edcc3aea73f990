{ ... }: {
  news.entries = [{
    time = "2025-01-02T10:00:00+00:00";
    message = "Hello.\n";
  }];
}

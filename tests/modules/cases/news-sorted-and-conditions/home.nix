{ ... }: {
  news.entries = [
    { time = "2024-05-01T08:30:00+00:00"; message = "Older entry\nwith two lines"; }
    { time = "2025-03-01T12:00:00+00:00"; message = "Newer entry"; }
    { time = "2025-06-01T12:00:00+00:00"; condition = false; message = "Not relevant"; }
  ];
}

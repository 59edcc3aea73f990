"<a href=\"x\">&'</a>\n"

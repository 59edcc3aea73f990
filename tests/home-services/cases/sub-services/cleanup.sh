rm -f "$HOME/.cache/mail/"*.tmp

baseNameOf __curPos.file

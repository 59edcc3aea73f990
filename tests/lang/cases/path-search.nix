<hlp>

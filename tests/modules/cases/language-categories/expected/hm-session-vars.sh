# Only source this once.
if [ -n "$__HM_SESS_VARS_SOURCED" ]; then return; fi
export __HM_SESS_VARS_SOURCED=1

export LANG="en_GB.UTF-8"
export LC_MONETARY="fr_FR.UTF-8"
export LC_PAPER="de_DE.UTF-8"
export LC_TIME="de_DE.UTF-8"

# Only source this once.
if [ -n "$__HM_SESS_VARS_SOURCED" ]; then return; fi
export __HM_SESS_VARS_SOURCED=1

export BROWSER="${BROWSER:-firefox}"
export GOPATH="$HOME/go"
export PAGER="less -R"

# Source this file: it starts a private session D-Bus and an unlocked gnome-keyring (a real Secret Service)
# in the background, so keytar tests never touch the developer's own keyring.
# Exports DBUS_SESSION_BUS_ADDRESS, XDG_RUNTIME_DIR, XDG_DATA_HOME; defines stop_keyring.
# KR_DIR must stay short: a unix socket path is limited to 108 bytes.
KR_DIR="${KR_DIR:-$(mktemp -d -t kr.XXXXXX)}"
mkdir -p "$KR_DIR/home" "$KR_DIR/run"; chmod 700 "$KR_DIR/run"
export XDG_RUNTIME_DIR="$KR_DIR/run"
export XDG_DATA_HOME="$KR_DIR/home/.local/share"
unset DISPLAY
dbus-daemon --session --fork --nopidfile --address="unix:path=$KR_DIR/run/bus" \
  --print-address=3 --print-pid=4 3>"$KR_DIR/dbus.addr" 4>"$KR_DIR/dbus.pid" 2>"$KR_DIR/dbus.log"
export DBUS_SESSION_BUS_ADDRESS="$(head -1 "$KR_DIR/dbus.addr")"
KR_DBUS_PID="$(head -1 "$KR_DIR/dbus.pid")"
printf '%s' "${KEYRING_PASSWORD:-ci-keyring-password}" | \
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$KR_DIR/gk.log" 2>&1 &
KR_GK_PID=$!
for _ in $(seq 1 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.05
done
echo "keyring: private bus and unlocked gnome-keyring in $KR_DIR"
stop_keyring() { kill "$KR_GK_PID" 2>/dev/null; kill "$KR_DBUS_PID" 2>/dev/null; wait "$KR_GK_PID" 2>/dev/null; true; }

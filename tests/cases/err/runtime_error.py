# Checks an uncaught RuntimeError raised explicitly with a message.
def check(state):
    if state != "ready":
        raise RuntimeError("machine not ready: state=%s" % state)
    print("ok", state)
check("ready")
check("broken")

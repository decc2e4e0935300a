# Checks the traceback of an exception raised in exec'd code: a <string> frame.
def run():
    exec("def inner():\n    raise KeyError('from exec')\ninner()")
run()

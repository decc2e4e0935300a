print("toplevel_mod runs", __name__, repr(__package__))
def where():
    return __file__.split("/")[-2:]

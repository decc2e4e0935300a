print("sibling runs", __name__)
def shout(s):
    return s.upper() + "!"

# Checks s += x in a loop is linear (appends in place when unshared) and never changes a string another name sees
def build(n):
    s = ''
    for i in range(n):
        s += 'abcdefgh'
    return len(s)
print(build(300000))
def shared():
    s = 'ab'
    t = s
    s += 'cd'
    u = s
    s += 'ef'
    s += s
    return s, t, u
print(shared())
def unicode():
    s = 'é'
    for c in 'ßü€😀':
        s += c
    return s, len(s), hash(s) == hash('éßü€😀')
print(unicode())

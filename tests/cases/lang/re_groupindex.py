# re: Pattern.groupindex is a read-only mappingproxy of the group names
import re, types
p = re.compile('(?P<a>x)(?P<b>y)(z)')
print(p.groupindex, p.groupindex['b'], dict(p.groupindex), len(p.groupindex), 'a' in p.groupindex, list(p.groupindex))
try:
    p.groupindex['c'] = 1
except TypeError as e:
    print(e)
print(re.compile('x').groupindex, repr(p.groupindex), types.MappingProxyType, type(p.groupindex).__name__)

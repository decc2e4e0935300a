# Checks the SyntaxError for an unknown \N{...} name
print('before')
s = 'ab\N{LATIN SMALL LETTER BOGUS}'
